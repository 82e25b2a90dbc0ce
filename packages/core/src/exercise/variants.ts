import type { Illustration } from '../program/illustration.js';

/**
 * The two versions of the one exercise of the method, Navasana (boat pose), in our own words.
 * Ids are stable: stored sessions refer to them.
 */
export const EXERCISE_VARIANT_IDS = ['chair', 'floor'] as const;
export type ExerciseVariant = (typeof EXERCISE_VARIANT_IDS)[number];

/** One drawing per step, so the session screen can show exactly the position being asked for. */
export const STEP_ILLUSTRATIONS = [
  'chair-sit-forward',
  'chair-arms-forward',
  'chair-lean-back',
  'floor-sit-tall',
  'floor-knees-up',
  'floor-hold-shins',
  'floor-balance',
] as const;
export type StepIllustration = (typeof STEP_ILLUSTRATIONS)[number];

export interface ExerciseStep {
  /** Stable within its variant. */
  readonly id: string;
  /** What to do, shown in large text. */
  readonly text: string;
  /** A few words for the speech synthesiser: short enough to follow while moving. */
  readonly cue: string;
  readonly illustration: StepIllustration;
  /**
   * True for the position that is held for the planned seconds (the last step): the hold timer
   * runs here, the earlier steps only get the user into place.
   */
  readonly hold: boolean;
}

export interface ExerciseVariantInfo {
  readonly id: ExerciseVariant;
  readonly name: string;
  /** One line for lists and the daily plan. */
  readonly summary: string;
  readonly illustration: Extract<Illustration, 'boat-chair' | 'boat-floor'>;
  readonly steps: readonly ExerciseStep[];
}

export const EXERCISE_VARIANTS: Readonly<Record<ExerciseVariant, ExerciseVariantInfo>> = {
  chair: {
    id: 'chair',
    name: 'Boat pose on a chair',
    summary: 'Lean back from the front of a chair and hold yourself there without the backrest.',
    illustration: 'boat-chair',
    steps: [
      {
        id: 'sit-forward',
        text: 'Sit near the front edge of a sturdy chair, feet flat on the floor, with plenty of seat left free behind you.',
        cue: 'Sit at the front of the chair, feet flat.',
        illustration: 'chair-sit-forward',
        hold: false,
      },
      {
        id: 'arms-forward',
        text: 'Reach both arms straight out in front of you at shoulder height, parallel to each other.',
        cue: 'Arms straight out in front.',
        illustration: 'chair-arms-forward',
        hold: false,
      },
      {
        id: 'lean-back',
        text: 'Lean back slowly, past upright, until your back is nearly at the backrest, and stop before you touch it. Hold yourself there: the muscles at the front of your hips do the work. Keep breathing.',
        cue: 'Lean back, do not touch the backrest. Hold, and breathe.',
        illustration: 'chair-lean-back',
        hold: true,
      },
    ],
  },
  floor: {
    id: 'floor',
    name: 'Boat pose on the floor',
    summary: 'Balance on your sit bones with knees bent, first holding your shins, then without.',
    illustration: 'boat-floor',
    steps: [
      {
        id: 'sit-tall',
        text: 'Sit on the floor, on a mat or rug, and lift yourself up tall through the top of your head.',
        cue: 'Sit tall on the floor.',
        illustration: 'floor-sit-tall',
        hold: false,
      },
      {
        id: 'knees-up',
        text: 'Bend your knees and draw them up as far as is comfortable, keeping your feet flat on the floor.',
        cue: 'Knees up, feet flat.',
        illustration: 'floor-knees-up',
        hold: false,
      },
      {
        id: 'hold-shins',
        text: 'Hold your shins lightly and use them to help lift your chest as you lean back a little.',
        cue: 'Hold your shins, lift your chest.',
        illustration: 'floor-hold-shins',
        hold: false,
      },
      {
        id: 'balance',
        // program.md splits this from the previous step: the hold only counts once the hands let go.
        text: 'Let go of your shins and keep your balance with the muscles at the front of your hips. Keep your chest lifted and keep breathing. If you wobble, take hold of your shins again.',
        cue: 'Let go, and balance. Breathe.',
        illustration: 'floor-balance',
        hold: true,
      },
    ],
  },
};

/**
 * Safety text shown before every session and when the user stops for pain. hipwise adds this to
 * the method (program.md section 5): effort and trembling are expected, sharp or spreading pain is not.
 */
export const EXERCISE_SAFETY = {
  beforeYouStart:
    'Effort, warmth and a little trembling in your hips and tummy are normal. Sharp pain, or pain that spreads into your buttock or down a leg, is not: stop at once if you feel it.',
  stopButton: 'Stop: sharp or spreading pain',
  afterStopForPain:
    'You were right to stop. Rest in a comfortable position, and do not try the exercise again today. If the pain does not settle, or you notice numbness, tingling, weakness or any change in passing urine, answer the safety questions again and follow what they advise.',
  pauseRule:
    'If you stop for pain twice within a week, hipwise pauses the programme and advises you to see a clinician before you carry on.',
  cueStop: 'Stop now, and rest.',
} as const;
