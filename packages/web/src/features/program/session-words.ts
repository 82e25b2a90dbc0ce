import {
  classifySession,
  EXERCISE_VARIANTS,
  type ExerciseSession,
  type ExerciseSessionResult,
  type SessionOutcome,
} from '@hipwise/core';
import { seconds, setsOfHolds } from '../../lib/units';

export const OUTCOME_WORDS: Readonly<Record<SessionOutcome, string>> = {
  good: 'Good session',
  painful: 'Painful',
  neutral: 'Partly done',
};

/** "3 × 10 s planned; held 10, 10, 10 s" */
export function holdsText(
  s: Pick<ExerciseSession, 'plannedSets' | 'plannedHoldSeconds' | 'achievedHoldSeconds'>,
): string {
  const held =
    s.achievedHoldSeconds.length > 0 ? `held ${seconds(s.achievedHoldSeconds)}` : 'no hold started';
  return `${setsOfHolds(s.plannedSets, s.plannedHoldSeconds)} planned; ${held}`;
}

/** "pain 4 before, 3 after"; without the word "pain" where a label already says it. */
export function painText(s: Pick<ExerciseSession, 'painBefore' | 'painAfter'>, named = true): string {
  const n = (v: number | null) => (v === null ? 'not asked' : String(v));
  return `${named ? 'pain ' : ''}${n(s.painBefore)} before, ${n(s.painAfter)} after`;
}

export function sessionSummary(s: ExerciseSession): {
  outcome: SessionOutcome;
  title: string;
  detail: string;
} {
  const outcome = classifySession(s);
  const stopped =
    s.stoppedEarly === 'pain' ? ' · stopped for pain' : s.stoppedEarly === 'other' ? ' · ended early' : '';
  return {
    outcome,
    title: EXERCISE_VARIANTS[s.variant].name,
    detail: `${holdsText(s)}; ${painText(s)}${stopped}`,
  };
}

/** What the saved session changed, in words, for the summary. */
export function resultNews(result: ExerciseSessionResult): string[] {
  const news: string[] = [];
  const { session, progression } = result;
  const change = progression.byVariant[session.variant].lastChange;
  if (change && change.date === session.date && change.from.holdSeconds !== change.to.holdSeconds) {
    news.push(
      change.kind === 'advanced'
        ? `You moved up a level: next time it is ${setsOfHolds(change.to.sets, change.to.holdSeconds)}.`
        : `That session hurt, so the next one eases back to ${setsOfHolds(change.to.sets, change.to.holdSeconds)}.`,
    );
  }
  if (
    session.variant === 'chair' &&
    classifySession(session) === 'good' &&
    progression.floorUnlockedOn === session.date
  ) {
    news.push('The floor version is now unlocked. You can also choose to stay on the chair.');
  }
  return news;
}
