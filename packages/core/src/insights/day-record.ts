import type { LocalDate } from '../time/local-date.js';

/**
 * One local calendar day of a user's own history, as the server assembles it from check-ins,
 * sitting sessions, breaks and exercise sessions. `null` or absent means "not recorded" (which is
 * different from 0: a day without a check-in tells us nothing about pain).
 */
export interface DayRecord {
  readonly date: LocalDate;
  /** 0-10 from the daily check-in. */
  readonly pain?: number | null;
  /** 0-10 from the daily check-in. */
  readonly stress?: number | null;
  readonly sittingMinutes?: number | null;
  readonly breaksTaken?: number | null;
  /** Exercise sessions completed that day (0 when the app knows none were done). */
  readonly exerciseSessions?: number | null;
}

export function present(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Records indexed by date; the last record wins if a date appears twice. */
export function byDate(days: readonly DayRecord[]): Map<LocalDate, DayRecord> {
  return new Map(days.map((d) => [d.date, d]));
}
