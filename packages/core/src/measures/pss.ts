import {
  answerOf,
  scoredBy,
  type AnswerOption,
  type Instrument,
  type InstrumentItem,
  type ScoreBase,
} from './instrument.js';

/**
 * Perceived Stress Scale, 4- and 10-item versions.
 * Cohen S, Kamarck T, Mermelstein R. A global measure of perceived stress. J Health Soc Behav
 * 1983;24:385-396; Cohen S, Williamson G, 1988 (PSS-10).
 *
 * Scoring (Cohen's lab, CMU "PSS Scoring" page; the same rules at UCSF MacArthur SES network
 * "Perceived Stress Scale - 4 Item", and LOINC 106860-0 for PSS-10): each item 0-4 (never ... very
 * often); the positively worded items are reverse-scored (0=4, 1=3, 2=2 ...) and all items summed.
 * PSS-4 reverses items 2 and 3 (total 0-16); PSS-10 reverses items 4, 5, 7 and 8 (total 0-40).
 * There are no official cut-offs (LOINC/PhenX: "not a diagnostic instrument and there are no
 * cut-offs"); we report the total only.
 *
 * Wording: PSS-4 from the UCSF MacArthur page; PSS-10 from Cohen's form as reproduced by
 * Bounce Together and the Macmillan "Check your health" page (identical item texts).
 */
export const PSS_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Never' },
  { value: 1, label: 'Almost never' },
  { value: 2, label: 'Sometimes' },
  { value: 3, label: 'Fairly often' },
  { value: 4, label: 'Very often' },
];

interface PssItem extends InstrumentItem {
  /** Positively worded: scored 4 - answer. */
  readonly reversed: boolean;
}

function item(id: string, text: string, reversed = false): PssItem {
  return { id, text: `In the last month, how often have you ${text}?`, options: PSS_OPTIONS, reversed };
}

export const PSS4_ITEMS: readonly PssItem[] = [
  item('pss4_1', 'felt that you were unable to control the important things in your life'),
  item('pss4_2', 'felt confident about your ability to handle your personal problems', true),
  item('pss4_3', 'felt that things were going your way', true),
  item('pss4_4', 'felt difficulties were piling up so high that you could not overcome them'),
];

export const PSS10_ITEMS: readonly PssItem[] = [
  item('pss10_01', 'been upset because of something that happened unexpectedly'),
  item('pss10_02', 'felt that you were unable to control the important things in your life'),
  item('pss10_03', 'felt nervous and “stressed”'),
  item('pss10_04', 'felt confident about your ability to handle your personal problems', true),
  item('pss10_05', 'felt that things were going your way', true),
  item('pss10_06', 'found that you could not cope with all the things that you had to do'),
  item('pss10_07', 'been able to control irritations in your life', true),
  item('pss10_08', 'felt that you were on top of things', true),
  item('pss10_09', 'been angered because of things that were outside of your control'),
  item('pss10_10', 'felt difficulties were piling up so high that you could not overcome them'),
];

export interface PssResult extends ScoreBase {
  readonly total: number;
}

const LICENCE = {
  kind: 'free_research_education',
  note: 'The Perceived Stress Scale (Sheldon Cohen) may be used without permission for non-profit academic research and education. Check the terms before commercial use.',
  citation:
    'Cohen S, Kamarck T, Mermelstein R. A global measure of perceived stress. J Health Soc Behav 1983;24:385-396.',
} as const;

const INSTRUCTIONS =
  'These questions ask about your feelings and thoughts during the last month. For each, choose how often you felt or thought that way.';

function pssScore(items: readonly PssItem[]): Instrument<PssResult>['score'] {
  return scoredBy(items, (a) => ({
    total: items.reduce((sum, it) => {
      const v = answerOf(a, it.id);
      return sum + (it.reversed ? 4 - v : v);
    }, 0),
  }));
}

export const pss4: Instrument<PssResult> = {
  id: 'pss4',
  version: 'pss-4/en/1',
  name: 'Perceived Stress Scale (4 items)',
  shortName: 'PSS-4',
  instructions: INSTRUCTIONS,
  items: PSS4_ITEMS,
  range: [0, 16],
  licence: LICENCE,
  switchable: true,
  score: pssScore(PSS4_ITEMS),
};

export const pss10: Instrument<PssResult> = {
  id: 'pss10',
  version: 'pss-10/en/1',
  name: 'Perceived Stress Scale (10 items)',
  shortName: 'PSS-10',
  instructions: INSTRUCTIONS,
  items: PSS10_ITEMS,
  range: [0, 40],
  licence: LICENCE,
  switchable: true,
  score: pssScore(PSS10_ITEMS),
};
