import {
  INSTRUMENTS,
  START_BACK_PATHWAY,
  type DueResponse,
  type InstrumentsResponse,
  type ProgressResponse,
} from '@hipwise/core';
import { useCallback, useMemo } from 'react';
import { Link } from 'wouter';
import { formatShortDate } from '../../lib/dates';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { ChangeList } from './ChangeList';
import { ExportSection } from './ExportSection';
import { InsightsSection } from './InsightsSection';
import type { Series } from './MeasureChart';
import { MeasureSection } from './MeasureSection';
import { measuresApi } from '../../api';
import { LoadStatus } from '../../components/LoadStatus';
import { plural } from '../../lib/units';

type MeasureId = 'pain-stress' | 'peg' | 'rmdq' | 'pss4';

interface Measure {
  readonly id: MeasureId;
  readonly title: string;
  readonly range: readonly [number, number];
  readonly scale: string;
  readonly empty: string;
  /** A questionnaire this hipwise may not offer: shown only if offered or already answered. */
  readonly optional?: 'rmdq' | 'pss4';
}

/** The charts of "Over time", in order. */
const MEASURES: readonly Measure[] = [
  {
    id: 'pain-stress',
    title: 'Pain and stress (daily check-ins)',
    range: [0, 10],
    scale: '0 to 10; lower is better.',
    empty: 'No check-ins yet: check in on the Today page.',
  },
  {
    id: 'peg',
    title: 'PEG',
    range: [0, 10],
    scale: '0 to 10, pain and how much it gets in the way; lower is better.',
    empty: 'No PEG yet.',
  },
  {
    id: 'rmdq',
    title: 'Roland-Morris (RMDQ)',
    range: INSTRUMENTS.rmdq.range,
    scale: '0 to 24 everyday activities affected; lower is better.',
    empty: 'No Roland-Morris questionnaire yet.',
    optional: 'rmdq',
  },
  {
    id: 'pss4',
    title: 'Perceived stress (PSS-4)',
    range: INSTRUMENTS.pss4.range,
    scale: '0 to 16; lower means less stress.',
    empty: 'No PSS-4 yet.',
    optional: 'pss4',
  },
];

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
  const data = state.status === 'ready' ? state.data : undefined;
  const charts = useMemo(() => {
    if (!data) return null;
    const [p] = data;
    return {
      'pain-stress': [
        { label: 'Pain', points: p.pain, colour: 'red' },
        { label: 'Stress', points: p.stress, colour: 'blue', dash: [8, 5] },
      ],
      peg: [{ label: 'PEG', points: p.peg, colour: 'teal' }],
      rmdq: [{ label: 'RMDQ', points: p.rmdq, colour: 'teal' }],
      pss4: [{ label: 'PSS-4', points: p.pss4, colour: 'blue' }],
    } satisfies Record<MeasureId, Series[]>;
  }, [data]);

  // charts is there exactly when the data is.
  if (state.status !== 'ready' || !charts) {
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
          <div className="measure-grid">
            {MEASURES.filter(
              (m) => m.optional === undefined || offered.has(m.optional) || progress[m.optional].length > 0,
            ).map((m) => (
              <MeasureSection
                key={m.id}
                id={m.id}
                title={m.title}
                series={charts[m.id]}
                range={m.range}
                scale={m.scale}
                empty={m.empty}
              />
            ))}
          </div>
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
