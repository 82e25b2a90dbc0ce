import { LESSONS, METHOD_WORDS, type StressOverview } from '@hipwise/core';
import { useCallback } from 'react';
import { Link } from 'wouter';
import { RouteTable, type PageRoute } from '../../components/RouteTable';
import { formatShortDate } from '../../lib/dates';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { BreathingPractice } from './BreathingPractice';
import { ReflectionCard } from './ReflectionCard';
import { stressApi } from '../../api';
import './stress.css';
import { LoadStatus } from '../../components/LoadStatus';

// Lesson 5 of the programme is the one about stress and the psoas.
const STRESS_LESSON = LESSONS[4];

function RecentSessions({ overview }: { readonly overview: StressOverview }) {
  if (overview.recentSessions.length === 0) {
    return <p className="empty">No practice yet. Your sessions will be listed here.</p>;
  }
  return (
    <table className="compact-table">
      <caption>Your recent practice, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Minutes</th>
          <th scope="col">Stress before</th>
          <th scope="col">Stress after</th>
        </tr>
      </thead>
      <tbody>
        {overview.recentSessions.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <time dateTime={s.date}>{formatShortDate(s.date)}</time>
            </th>
            <td>{Math.round((s.durationSeconds / 60) * 10) / 10}</td>
            <td>{s.stressBefore}</td>
            <td>{s.stressAfter}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StressHome() {
  usePageTitle('Stress');
  const load = useCallback((signal: AbortSignal) => stressApi.overview(signal), []);
  const { state, reload, update } = useLoad(load);
  return (
    <>
      <h1>Stress</h1>
      <p className="lead">
        {METHOD_WORDS.stressPage}
        {STRESS_LESSON && (
          <>
            {' '}
            <Link href={`~/program/lessons/${STRESS_LESSON.id}`}>Read the lesson: {STRESS_LESSON.title}</Link>
          </>
        )}
      </p>
      <LoadStatus state={state} retry={reload} what="your practice" />
      {state.status === 'ready' && (
        <div className="stack">
          <BreathingPractice
            onSaved={(s) => update((o) => ({ ...o, recentSessions: [s, ...o.recentSessions].slice(0, 20) }))}
          />
          <ReflectionCard
            weekStart={state.data.weekStart}
            reflection={state.data.reflection}
            onSaved={(r) => update((o) => ({ ...o, reflection: r }))}
          />
          <section className="card" aria-labelledby="recent-title">
            <h2 id="recent-title">Recent practice</h2>
            <RecentSessions overview={state.data} />
          </section>
        </div>
      )}
    </>
  );
}

const ROUTES: readonly PageRoute[] = [{ path: '/', page: () => <StressHome /> }];

/** Every page under /stress (nested route: paths here are relative). */
export function StressRoutes() {
  return <RouteTable routes={ROUTES} />;
}
