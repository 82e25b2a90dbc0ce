import type { LocalDate } from '../time/local-date.js';
import { classifySession, type ExerciseSessionRecord } from './session-record.js';

/** How many of the sessions between two dates (inclusive) were painful, and why. */
export interface PainfulSessionCounts {
  /** Stopped for pain, or pain afterwards 2+ points above pain before (clinical.md). */
  readonly painful: number;
  /** Of those, the ones stopped with the stop-for-pain button. */
  readonly stoppedForPain: number;
  /** Of those, the ones finished or stopped otherwise, with pain up 2+ points. */
  readonly painRose: number;
}

export function painfulSessionCounts(
  sessions: readonly ExerciseSessionRecord[],
  from: LocalDate,
  to: LocalDate,
): PainfulSessionCounts {
  const painful = sessions.filter((s) => s.date >= from && s.date <= to && classifySession(s) === 'painful');
  const stoppedForPain = painful.filter((s) => s.stoppedEarly === 'pain').length;
  return { painful: painful.length, stoppedForPain, painRose: painful.length - stoppedForPain };
}
