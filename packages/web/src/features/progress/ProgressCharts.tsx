import { INSTRUMENTS, type InstrumentId, type ProgressResponse } from '@hipwise/core';
import { useMemo } from 'react';
import type { Series } from './MeasureChart';
import { MeasureSection } from './MeasureSection';

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

/**
 * The charts of "Over time", each with its table: the member's Progress page and their
 * clinician's member page draw the same data through this one component.
 */
export function ProgressCharts({
  progress,
  offered,
}: {
  readonly progress: ProgressResponse;
  /** Questionnaires this hipwise offers; others show only once answered. */
  readonly offered: ReadonlySet<InstrumentId>;
}) {
  const charts = useMemo(
    () =>
      ({
        'pain-stress': [
          { label: 'Pain', points: progress.pain, colour: 'red' },
          { label: 'Stress', points: progress.stress, colour: 'blue', dash: [8, 5] },
        ],
        peg: [{ label: 'PEG', points: progress.peg, colour: 'teal' }],
        rmdq: [{ label: 'RMDQ', points: progress.rmdq, colour: 'teal' }],
        pss4: [{ label: 'PSS-4', points: progress.pss4, colour: 'blue' }],
      }) satisfies Record<MeasureId, Series[]>,
    [progress],
  );
  return (
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
  );
}
