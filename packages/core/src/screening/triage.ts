import { RED_FLAG_QUESTIONS, type RedFlagId } from './red-flags.js';

export type ScreeningOutcome = 'clear' | 'see_clinician' | 'emergency';

export type RedFlagAnswers = Readonly<Record<RedFlagId, boolean>>;

/** The most severe flag answered "yes" decides the outcome. */
export function triage(answers: RedFlagAnswers): ScreeningOutcome {
  const flagged = RED_FLAG_QUESTIONS.filter((q) => answers[q.id]);
  if (flagged.some((q) => q.severity === 'emergency')) return 'emergency';
  if (flagged.length > 0) return 'see_clinician';
  return 'clear';
}

export interface OutcomeAdvice {
  readonly title: string;
  readonly whatToDo: string;
  readonly exerciseAllowed: boolean;
}

export const OUTCOME_ADVICE: Readonly<Record<ScreeningOutcome, OutcomeAdvice>> = {
  clear: {
    title: 'No warning signs found',
    whatToDo:
      'You can start the programme. Stop any exercise that causes sharp or spreading pain, and answer these questions again if anything changes.',
    exerciseAllowed: true,
  },
  see_clinician: {
    title: 'Please see a clinician before you start',
    whatToDo:
      'One or more of your answers needs a check by a doctor or physiotherapist before you exercise. Book an appointment with your GP or physiotherapist soon. You can keep tracking your pain here, and answer these questions again once you have been cleared.',
    exerciseAllowed: false,
  },
  emergency: {
    title: 'Get medical help now',
    whatToDo:
      'Your answers include signs that need urgent assessment. Go to an emergency department now, or call your emergency number (112 in Europe, 999 in the UK, 911 in North America). Do not exercise.',
    exerciseAllowed: false,
  },
};

/** Which flags were answered yes, most severe first, for showing the user why. */
export function flaggedQuestions(answers: RedFlagAnswers) {
  return RED_FLAG_QUESTIONS.filter((q) => answers[q.id]).sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'emergency' ? -1 : 1,
  );
}
