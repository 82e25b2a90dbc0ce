import type { LocalDate } from '../time/local-date.js';
import type { AnyRedFlagId } from './red-flags.js';
import {
  flaggedQuestions,
  OUTCOME_ADVICE,
  type ScreeningOutcome,
  type StoredRedFlagAnswers,
} from './triage.js';

/**
 * "A clinician has cleared me to exercise" (clinical.md): a dated attestation kept apart from the
 * screening, so the answers stay true. It is recorded against the user's latest screening and
 * covers the flags that screening had: a later screening with the same flags or fewer (say, the
 * 12-weekly one of a cancer survivor) stays cleared; a new flag needs a new check.
 */
export interface ClearanceRecord {
  /** The user's date the clinician cleared them (on or before the day it was recorded). */
  readonly clearedOn: LocalDate;
  /** The flags of the screening it was recorded against. */
  readonly coveredFlags: readonly AnyRedFlagId[];
}

export interface LatestScreening {
  readonly outcome: ScreeningOutcome;
  readonly answers: StoredRedFlagAnswers;
}

/** Whether an active clearance unlocks the programme despite this screening's outcome. */
export function clearanceCovers(screening: LatestScreening, clearances: readonly ClearanceRecord[]): boolean {
  if (!OUTCOME_ADVICE[screening.outcome].clearanceAllowed) return false;
  const flagged = flaggedQuestions(screening.answers).map((q) => q.id);
  return clearances.some((c) => flagged.every((id) => c.coveredFlags.includes(id as AnyRedFlagId)));
}
