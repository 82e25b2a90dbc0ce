import { answerOf, scoredBy, type Instrument, type InstrumentItem, type ScoreBase } from './instrument.js';

/**
 * Keele STarT Back Screening Tool, 9-item version.
 * Hill JC et al. A primary care back pain screening tool: identifying patient subgroups for initial
 * treatment. Arthritis Rheum 2008;59(5):632-641.
 *
 * Wording: identical in Keele's online STarT Back calculator (startback.hfac.keele.ac.uk), the
 * LOINC panel 91349-1 (items 91340-0 ... 91348-3) and awell-health/awell-score's README. Answer
 * options for the bothersomeness item (Not at all / Slightly / Moderately / Very much / Extremely)
 * from awell-score's README of the Keele form.
 *
 * Scoring (Keele, "Using & scoring the Keele STarT Back Screening Tool"; LOINC 91350-9/91352-5):
 * - every item scores 1 when positive: items 1-8 "agree"; bothersomeness only "very much" or
 *   "extremely";
 * - total = all 9 (0-9); distress (psychosocial) subscale = fear, anxiety, catastrophising,
 *   depression (low mood) and bothersomeness (0-5);
 * - total <= 3 -> low risk; otherwise subscale <= 3 -> medium, subscale >= 4 -> high.
 * We score by item *topic*, never by position: translations and the 6-item version order items
 * differently, and the ids below name the topic, so a reordering cannot move an item in or out of
 * the subscale.
 */
export type StartBackTopic =
  | 'leg_pain'
  | 'shoulder_neck_pain'
  | 'walking'
  | 'dressing'
  | 'fear'
  | 'anxiety'
  | 'catastrophising'
  | 'low_mood'
  | 'bothersomeness';

/** The five topics of the distress (psychosocial) subscale (Keele; LOINC 91350-9). */
export const START_BACK_PSYCHOSOCIAL: readonly StartBackTopic[] = [
  'fear',
  'anxiety',
  'catastrophising',
  'low_mood',
  'bothersomeness',
];

const AGREE_OPTIONS = [
  { value: 0, label: 'Disagree' },
  { value: 1, label: 'Agree' },
] as const;

export const BOTHERSOMENESS_OPTIONS = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Slightly' },
  { value: 2, label: 'Moderately' },
  { value: 3, label: 'Very much' },
  { value: 4, label: 'Extremely' },
] as const;

interface StartBackItem extends InstrumentItem {
  readonly id: StartBackTopic;
}

export const START_BACK_ITEMS: readonly StartBackItem[] = [
  {
    id: 'leg_pain',
    text: 'My back pain has spread down my leg(s) at some time in the last 2 weeks',
    options: AGREE_OPTIONS,
  },
  {
    id: 'shoulder_neck_pain',
    text: 'I have had pain in the shoulder or neck at some time in the last 2 weeks',
    options: AGREE_OPTIONS,
  },
  {
    id: 'walking',
    text: 'I have only walked short distances because of my back pain',
    options: AGREE_OPTIONS,
  },
  {
    id: 'dressing',
    text: 'In the last 2 weeks, I have dressed more slowly than usual because of back pain',
    options: AGREE_OPTIONS,
  },
  {
    id: 'fear',
    text: 'It’s not really safe for a person with a condition like mine to be physically active',
    options: AGREE_OPTIONS,
  },
  {
    id: 'anxiety',
    text: 'Worrying thoughts have been going through my mind a lot of the time',
    options: AGREE_OPTIONS,
  },
  {
    id: 'catastrophising',
    text: 'I feel that my back pain is terrible and it’s never going to get any better',
    options: AGREE_OPTIONS,
  },
  {
    id: 'low_mood',
    text: 'In general I have not enjoyed all the things I used to enjoy',
    options: AGREE_OPTIONS,
  },
  {
    id: 'bothersomeness',
    text: 'Overall, how bothersome has your back pain been in the last 2 weeks?',
    options: BOTHERSOMENESS_OPTIONS,
  },
];

/** 1 when the answer counts as positive for that topic. */
function itemScore(topic: StartBackTopic, value: number): 0 | 1 {
  // Bothersomeness is positive only for "very much" (3) or "extremely" (4); the rest agree = 1.
  if (topic === 'bothersomeness') return value >= 3 ? 1 : 0;
  return value === 1 ? 1 : 0;
}

export type StartBackRisk = 'low' | 'medium' | 'high';

export interface StartBackResult extends ScoreBase {
  /** 0-9. */
  readonly total: number;
  /** Distress (psychosocial) subscale, 0-5. */
  readonly psychosocial: number;
  readonly risk: StartBackRisk;
}

/** The Keele stratification rule, on its own so it can be tested at every boundary. */
export function startBackRisk(total: number, psychosocial: number): StartBackRisk {
  if (total <= 3) return 'low';
  return psychosocial <= 3 ? 'medium' : 'high';
}

export const startBack: Instrument<StartBackResult> = {
  id: 'start_back',
  version: 'sbst-9/en/1',
  name: 'Keele STarT Back Screening Tool',
  shortName: 'STarT Back',
  instructions: 'Thinking about the last 2 weeks, tick your response to the following questions.',
  items: START_BACK_ITEMS,
  range: [0, 9],
  licence: {
    kind: 'free_non_commercial',
    note: 'The Keele STarT Back Screening Tool is copyright Keele University (2007). It is free for non-commercial use; commercial use needs permission from Keele University.',
    citation:
      'Hill JC, Dunn KM, Lewis M, et al. A primary care back pain screening tool: identifying patient subgroups for initial treatment. Arthritis Rheum 2008;59(5):632-641.',
  },
  switchable: true,
  score: scoredBy(START_BACK_ITEMS, (a) => {
    let total = 0;
    let psychosocial = 0;
    for (const item of START_BACK_ITEMS) {
      const s = itemScore(item.id, answerOf(a, item.id));
      total += s;
      if (START_BACK_PSYCHOSOCIAL.includes(item.id)) psychosocial += s;
    }
    return { total, psychosocial, risk: startBackRisk(total, psychosocial) };
  }),
};
