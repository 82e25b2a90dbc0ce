import {
  START_BACK_PATHWAY,
  type DueResponse,
  type InstrumentsResponse,
  type ProgressResponse,
} from '@hipwise/core';
import { useCallback } from 'react';
import { Link } from 'wouter';
import { formatShortDate } from '../../lib/dates';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { ChangeList } from './ChangeList';
import { ExportSection } from './ExportSection';
import { InsightsSection } from './InsightsSection';
import { ProgressCharts } from './ProgressCharts';
import { measuresApi } from '../../api';
import { LoadStatus } from '../../components/LoadStatus';
import { plural } from '../../lib/units';

function QuestionnaireList({
  instruments,
  due,
  progress,
}: {
  readonly instruments: InstrumentsResponse['instruments'];
  readonly due: DueResponse;
  readonly progress: ProgressResponse;
}) {
  const dueIds = new Set(due.due.map((d) => d.instrumentId));
  const drafts = new Map(due.inProgress.map((d) => [d.instrumentId, d]));
  const next = new Map(progress.schedule.map((s) => [s.instrumentId, s]));
  return (
    <section className="card" aria-labelledby="questionnaires-title">
      <h2 id="questionnaires-title">Questionnaires</h2>
      {dueIds.size === 0 && drafts.size === 0 && (
        <p>Nothing is due today. You can still answer any of these.</p>
      )}
      <ul className="questionnaire-list">
        {instruments.map((i) => {
          const draft = drafts.get(i.id);
          const s = next.get(i.id);
          return (
            <li key={i.id}>
              <Link href={`/questionnaires/${i.id}`}>{i.name}</Link>{' '}
              {draft ? (
                <span className="badge badge-neutral">
                  Started: {draft.answered} of {draft.total} answered
                </span>
              ) : dueIds.has(i.id) ? (
                <span className="badge badge-due">Due today</span>
              ) : null}
              <span className="hint questionnaire-when">
                {' '}
                {i.cadence}
                {s?.lastCompleted ? `; last done ${formatShortDate(s.lastCompleted)}` : ''}
                {s?.dueDate && !s.due ? `; next ${formatShortDate(s.dueDate)}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function StartBackPanel({ result }: { readonly result: NonNullable<ProgressResponse['startBack']> }) {
  const words = START_BACK_PATHWAY[result.risk];
  return (
    <section className="card" aria-labelledby="startback-title" data-testid="start-back-result">
      <h2 id="startback-title">Your STarT Back result: {words.title}</h2>
      <p>{words.meaning}</p>
      <p>{words.advice}</p>
      <p className="hint">
        Score {result.total} of 9, worry-and-mood questions {result.psychosocial} of 5 (
        {formatShortDate(result.date)}).
      </p>
    </section>
  );
}

export function ProgressPage() {
  usePageTitle('Progress');
  const load = useCallback(
    (signal: AbortSignal) =>
      Promise.all([
        measuresApi.progress(signal),
        measuresApi.insights(signal),
        measuresApi.instruments(signal),
        measuresApi.due(signal),
      ]),
    [],
  );
  const { state, reload } = useLoad(load);

  if (state.status !== 'ready') {
    return (
      <>
        <h1>Progress</h1>
        <LoadStatus state={state} retry={reload} what="your progress" />
      </>
    );
  }
  const [progress, insights, instruments, due] = state.data;
  const offered = new Set(instruments.map((i) => i.id));
  return (
    <>
      <h1>Progress</h1>
      <p className="lead">
        Is the method helping you? Your own numbers since {formatShortDate(progress.startDate)}.{' '}
        <Link href="/weekly">See this week’s summary</Link>
      </p>
      <div className="stack">
        <QuestionnaireList instruments={instruments} due={due} progress={progress} />
        {progress.startBack && <StartBackPanel result={progress.startBack} />}
        <ChangeList changes={progress.changes} />
        <section aria-labelledby="charts-title">
          <h2 id="charts-title">Over time</h2>
          <ProgressCharts progress={progress} offered={offered} />
          <p className="hint">
            Breathing practice: {progress.stressPractice.sessions}{' '}
            {progress.stressPractice.sessions === 1 ? 'session' : 'sessions'},{' '}
            {plural(progress.stressPractice.minutes, 'minute')} in all.{' '}
            <Link href="~/stress">Practise now</Link>
          </p>
        </section>
        <InsightsSection insights={insights} />
        <ExportSection instruments={instruments.map((i) => i.id)} />
      </div>
    </>
  );
}
