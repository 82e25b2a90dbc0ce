import {
  answerOf,
  scoredBy,
  numericOptions,
  type Instrument,
  type InstrumentItem,
  type ScoreBase,
} from './instrument.js';

/**
 * Pain intensity on an 11-point numeric rating scale: 0 = no pain, 10 = worst pain imaginable.
 * Public domain. Reported in FHIR as LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating
 * [Score] - Reported". The score is the number chosen. Recall period: the last 24 hours, as in the
 * daily diaries behind the 2-point / 30% threshold (Farrar et al., Pain 2001;94:149-158).
 * Wording is ours.
 */
export const PAIN_NRS_ITEMS: readonly InstrumentItem[] = [
  {
    id: 'pain',
    text: 'How bad has your lower back pain been on average over the last 24 hours?',
    options: numericOptions(10, 'no pain', 'worst pain imaginable'),
  },
];

export interface PainNrsResult extends ScoreBase {
  /** 0-10. */
  readonly total: number;
}

export const painNrs: Instrument<PainNrsResult> = {
  id: 'pain_nrs',
  version: 'nrs-11/hipwise/1',
  name: 'Pain intensity (0-10 numeric rating scale)',
  shortName: 'Pain',
  instructions:
    'Choose the number that best describes your pain: 0 is no pain, 10 is the worst pain you can imagine.',
  items: PAIN_NRS_ITEMS,
  range: [0, 10],
  licence: {
    kind: 'public_domain',
    note: 'The 0-10 numeric rating scale for pain is in the public domain.',
    citation:
      'Farrar JT et al. Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain 2001;94(2):149-158.',
  },
  switchable: false,
  score: scoredBy(PAIN_NRS_ITEMS, (a) => ({ total: answerOf(a, 'pain') })),
};
