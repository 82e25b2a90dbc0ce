import { addDays, STRESS_RULES, type WeeklyResponse } from '@hipwise/core';
import { useCallback, useState } from 'react';
import { Link } from 'wouter';
import { formatLongDate, formatShortDate } from '../../lib/dates';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { measuresApi } from '../../api';
import { instrumentShort } from './wording';
import './weekly-print.css';
import { LoadStatus } from '../../components/LoadStatus';
import { plural } from '../../lib/units';

function avg(value: number | null, days: number): string {
  return value === null ? 'no check-ins' : `${value} (${plural(days, 'day')})`;
}

function delta(value: number | null): string {
  if (value === null) return '–';
  if (value === 0) return 'same as the week before';
  return `${value < 0 ? 'down' : 'up'} ${Math.abs(value)} on the week before`;
}

function Summary({ w }: { readonly w: WeeklyResponse }) {
  const rule = w.reflection ? STRESS_RULES.find((r) => r.id === w.reflection?.ruleId) : undefined;
  return (
    <article className="weekly" data-testid="weekly-summary">
      <h2>
        Week of {formatLongDate(w.weekStart)} to {formatLongDate(w.weekEnd)}
      </h2>
      <table className="compact-table">
        <caption>Averages this week</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">This week</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Pain (0-10)</th>
            <td>{avg(w.averages.pain, w.averages.days.pain)}</td>
            <td>{delta(w.change.pain)}</td>
          </tr>
          <tr>
            <th scope="row">Stress (0-10)</th>
            <td>{avg(w.averages.stress, w.averages.days.stress)}</td>
            <td>{delta(w.change.stress)}</td>
          </tr>
          {w.averages.sittingMinutes !== null && (
            <tr>
              <th scope="row">Sitting (minutes a day)</th>
              <td>{avg(w.averages.sittingMinutes, w.averages.days.sittingMinutes)}</td>
              <td>{delta(w.change.sittingMinutes)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <h3>What you did</h3>
      <ul>
        <li>
          Checked in on {w.adherence.checkInDays} of {plural(7, 'day')}.
        </li>
        <li>
          Breathing practice: {plural(w.stressPractice.sessions, 'session')},{' '}
          {plural(w.stressPractice.minutes, 'minute')}
          {w.stressPractice.averageDrop !== null
            ? `; stress ${w.stressPractice.averageDrop >= 0 ? 'down' : 'up'} ${plural(Math.abs(w.stressPractice.averageDrop), 'point')} on average afterwards`
            : ''}
          .
        </li>
        {w.adherence.exerciseSessions > 0 && <li>Exercise sessions: {w.adherence.exerciseSessions}.</li>}
        {w.painfulSessions.painful > 0 && (
          <li>
            <strong>
              Painful sessions: {w.painfulSessions.painful} (stopped for pain:{' '}
              {w.painfulSessions.stoppedForPain}; pain up {plural(2, 'point')} or more:{' '}
              {w.painfulSessions.painRose}).
            </strong>{' '}
            If pain during the exercise keeps coming back, see a doctor or physiotherapist.
          </li>
        )}
        {w.adherence.breaksTaken > 0 && <li>Breaks from sitting: {w.adherence.breaksTaken}.</li>}
      </ul>
      <h3>Questionnaires</h3>
      {w.questionnaires.length === 0 ? (
        <p>None this week.</p>
      ) : (
        <ul>
          {w.questionnaires.map((q) => (
            <li key={`${q.instrumentId}-${q.date}`}>
              {instrumentShort(q.instrumentId)}: {q.total} ({formatShortDate(q.date)})
            </li>
          ))}
        </ul>
      )}
      <h3>Rule of thumb this week</h3>
      {rule ? (
        <p>
          <strong>{rule.title}</strong>
          {w.reflection?.note ? ` — “${w.reflection.note}”` : ''}
        </p>
      ) : (
        <p>None picked.</p>
      )}
      <p className="print-only">hipwise is a self-care companion, not medical advice.</p>
    </article>
  );
}

export function WeeklyPage() {
  usePageTitle('Weekly summary');
  const [date, setDate] = useState<string>();
  const load = useCallback((signal: AbortSignal) => measuresApi.weekly(date, signal), [date]);
  const { state, reload } = useLoad(load);
  return (
    <>
      <h1>Weekly summary</h1>
      <p className="no-print">
        <Link href="/">Back to Progress</Link>
      </p>
      <LoadStatus state={state} retry={reload} what="the week" />
      {state.status === 'ready' && (
        <>
          <nav className="button-row no-print" aria-label="Weeks">
            <button type="button" onClick={() => setDate(addDays(state.data.weekStart, -7))}>
              Previous week
            </button>
            <button type="button" onClick={() => setDate(addDays(state.data.weekStart, 7))}>
              Next week
            </button>
            <button type="button" className="primary" onClick={() => window.print()}>
              Print
            </button>
          </nav>
          <Summary w={state.data} />
        </>
      )}
    </>
  );
}
