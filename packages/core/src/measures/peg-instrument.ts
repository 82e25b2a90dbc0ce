import {
  answerOf,
  scoredBy,
  numericOptions,
  type Instrument,
  type InstrumentItem,
  type ScoreBase,
} from './instrument.js';
import { PEG_ITEMS, pegScore } from './peg.js';

/**
 * The PEG (peg.ts) as an instrument: same item texts, same scoring (`pegScore`, the mean of the
 * three items to one decimal; Krebs et al. 2009). LOINC 91147-9 "Mean score [PEG]" describes the
 * score as "the average of the 3 individual item scores" (checked on two listings of the term).
 */
export const PEG_INSTRUMENT_ITEMS: readonly InstrumentItem[] = PEG_ITEMS.map((it) => ({
  id: it.key,
  text: it.text,
  options: numericOptions(10, it.low.toLowerCase(), it.high.toLowerCase()),
}));

export interface PegResult extends ScoreBase {
  /** Mean of the three items, 0-10, one decimal. */
  readonly total: number;
}

export const peg: Instrument<PegResult> = {
  id: 'peg',
  version: 'peg-3/en/1',
  name: 'PEG: pain, enjoyment of life, general activity',
  shortName: 'PEG',
  instructions: 'Think about the past week. Choose the number that fits best, from 0 to 10.',
  items: PEG_INSTRUMENT_ITEMS,
  range: [0, 10],
  licence: {
    kind: 'public_domain',
    note: 'The PEG scale is in the public domain.',
    citation:
      'Krebs EE et al. Development and initial validation of the PEG, a three-item scale assessing pain intensity and interference. J Gen Intern Med 2009;24(6):733-738.',
  },
  switchable: false,
  score: scoredBy(PEG_INSTRUMENT_ITEMS, (a) => ({
    total: pegScore({
      pain: answerOf(a, 'pain'),
      enjoyment: answerOf(a, 'enjoyment'),
      activity: answerOf(a, 'activity'),
    }),
  })),
};
