import {
  RED_FLAG_IDS,
  type BaselineBody,
  type ExerciseSessionBody,
  type RedFlagAnswers,
  type StressSessionBody,
} from '@hipwise/core';

/** Screening answers with no warning sign: the programme opens. */
export const NO_RED_FLAGS = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, false])) as RedFlagAnswers;

/** A valid baseline (PEG 4.3); `over` sets the fields a test cares about. */
export function baselineBody(over: Partial<BaselineBody> = {}): BaselineBody {
  return {
    painNow: 6,
    painWeekAverage: 5,
    peg: { pain: 5, enjoyment: 4, activity: 4 },
    sittingHoursPerWorkday: 7.5,
    stress: 6,
    ...over,
  };
}

/** A baseline with every 0-10 answer at `level` and `hours` of sitting. */
export const evenBaseline = (level: number, hours = 8): BaselineBody => ({
  painNow: level,
  painWeekAverage: level,
  peg: { pain: level, enjoyment: level, activity: level },
  sittingHoursPerWorkday: hours,
  stress: level,
});

/** A finished chair session of three holds of `hold` seconds, pain 4 before and 3 after; `over` changes fields. */
export const chairSession = (hold = 10, over: Partial<ExerciseSessionBody> = {}): ExerciseSessionBody => ({
  variant: 'chair',
  plannedSets: 3,
  plannedHoldSeconds: hold,
  achievedHoldSeconds: [hold, hold, hold],
  painBefore: 4,
  painAfter: 3,
  stoppedEarly: 'none',
  ...over,
});

/** A finished three-minute breathing practice, stress 6 before and 4 after. */
export const breathingSession = (): StressSessionBody => ({
  plannedMinutes: 3,
  durationSeconds: 180,
  inhaleSeconds: 4,
  exhaleSeconds: 6,
  stressBefore: 6,
  stressAfter: 4,
});
