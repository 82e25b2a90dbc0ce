import {
  ALL_RED_FLAG_IDS,
  RED_FLAG_IDS,
  redFlagQuestion,
  type AnyRedFlagId,
  type RedFlagId,
  type RedFlagQuestion,
  type RedFlagSeverity,
} from './red-flags.js';

/**
 * The four outcomes of clinical.md, least to most urgent. `see_clinician` is "see a clinician
 * soon" (its stored name predates the same-day level, so stored screenings keep their meaning).
 */
export const SCREENING_OUTCOMES = ['clear', 'see_clinician', 'same_day', 'emergency'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** A new screening: every current question answered. */
export type RedFlagAnswers = Readonly<Record<RedFlagId, boolean>>;
/** A stored screening: the questions asked when it was answered, current or retired. */
export type StoredRedFlagAnswers = Readonly<Partial<Record<AnyRedFlagId, boolean>>>;

const OUTCOME_OF: Readonly<Record<RedFlagSeverity, ScreeningOutcome>> = {
  emergency: 'emergency',
  same_day: 'same_day',
  soon: 'see_clinician',
};

/** How urgent an outcome is: a higher rank wins. */
export function outcomeRank(outcome: ScreeningOutcome): number {
  return SCREENING_OUTCOMES.indexOf(outcome);
}

/** The most severe flag answered "yes" decides the outcome. */
export function triage(answers: StoredRedFlagAnswers): ScreeningOutcome {
  let outcome: ScreeningOutcome = 'clear';
  for (const q of flaggedQuestions(answers)) {
    const o = OUTCOME_OF[q.severity];
    if (outcomeRank(o) > outcomeRank(outcome)) outcome = o;
  }
  return outcome;
}

export interface OutcomeAdvice {
  readonly title: string;
  readonly whatToDo: string;
  readonly exerciseAllowed: boolean;
  /**
   * Whether a clinician's clearance can unlock the programme. Not for an emergency: that is
   * left only by a new screening, once the emergency signs are gone.
   */
  readonly clearanceAllowed: boolean;
}

export const OUTCOME_ADVICE: Readonly<Record<ScreeningOutcome, OutcomeAdvice>> = {
  clear: {
    title: 'No warning signs found',
    whatToDo:
      'You can start the programme. Stop any exercise that causes sharp or spreading pain, and answer these questions again if anything changes.',
    exerciseAllowed: true,
    clearanceAllowed: false,
  },
  see_clinician: {
    title: 'See a clinician before you start',
    whatToDo:
      'One or more of your answers needs a check by a doctor or physiotherapist before you exercise. Book an appointment with your GP or a physiotherapist soon, and take your answers with you. You can keep tracking your pain and stress here. When a clinician has cleared you to exercise, record it here: your answers stay as they are.',
    exerciseAllowed: false,
    clearanceAllowed: true,
  },
  same_day: {
    title: 'Be seen by a doctor today',
    whatToDo:
      'Some of your answers can be a sign of an infection or a broken bone in the spine, which need checking quickly. Be seen by a doctor today: call your GP practice for a same-day appointment, or an urgent care service (111 in the UK) if they cannot see you today. Do not exercise until you have been seen. When a doctor has cleared you to exercise, record it here: your answers stay as they are.',
    exerciseAllowed: false,
    clearanceAllowed: true,
  },
  emergency: {
    title: 'Get medical help now',
    whatToDo:
      'Your answers include signs that need urgent assessment. Go to an emergency department now, or call your emergency number (112 in Europe, 999 in the UK, 911 in North America). Do not exercise. Once these signs have gone, answer the safety questions again.',
    exerciseAllowed: false,
    clearanceAllowed: false,
  },
};

const SEVERITY_RANK: Readonly<Record<RedFlagSeverity, number>> = { emergency: 0, same_day: 1, soon: 2 };

/** Which flags were answered yes, most severe first, for showing the user why. */
export function flaggedQuestions(answers: StoredRedFlagAnswers): RedFlagQuestion[] {
  // In the order asked within a level: stored JSON does not keep the order of its keys.
  return ALL_RED_FLAG_IDS.filter((id) => answers[id] === true)
    .map(redFlagQuestion)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Whether a stored screening answered every question asked today (false for older question sets). */
export function answersCurrentQuestions(answers: StoredRedFlagAnswers): boolean {
  return RED_FLAG_IDS.every((id) => typeof answers[id] === 'boolean');
}
