import type { InstrumentId } from '../measures/instrument.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { byDate, present, type DayRecord } from './day-record.js';
import { mean, round } from './stats.js';

/**
 * The weekly summary (in-app and printable): one Monday-Sunday week of local dates, with averages,
 * the change against the week before, adherence, and the questionnaires done. Averages are over
 * the days that have a value (a skipped check-in is not a zero); every average says how many days
 * it rests on so the page can show "5.2 (4 days)".
 */
export interface CompletedQuestionnaire {
  readonly instrumentId: InstrumentId;
  readonly date: LocalDate;
  readonly total: number;
}

export interface WeeklyAverages {
  readonly pain: number | null;
  readonly stress: number | null;
  readonly sittingMinutes: number | null;
  /** Days behind each average. */
  readonly days: { readonly pain: number; readonly stress: number; readonly sittingMinutes: number };
}

export interface WeeklyAdherence {
  /** Days with a check-in (pain or stress recorded), of 7. */
  readonly checkInDays: number;
  readonly exerciseSessions: number;
  readonly daysWithExercise: number;
  readonly breaksTaken: number;
}

export interface WeeklySummary {
  /** Monday. */
  readonly weekStart: LocalDate;
  /** Sunday. */
  readonly weekEnd: LocalDate;
  readonly averages: WeeklyAverages;
  readonly previousAverages: WeeklyAverages;
  /** This week's average minus last week's, one decimal; null when either week has no data. */
  readonly change: {
    readonly pain: number | null;
    readonly stress: number | null;
    readonly sittingMinutes: number | null;
  };
  readonly adherence: WeeklyAdherence;
  /** Completed questionnaires dated inside the week, oldest first. */
  readonly questionnaires: readonly CompletedQuestionnaire[];
}

/** The Monday of the week containing `date` (ISO weeks start on Monday). */
export function mondayOf(date: LocalDate): LocalDate {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

function weekDays(monday: LocalDate): LocalDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

function averages(records: readonly DayRecord[]): WeeklyAverages {
  const pain = records.map((d) => d.pain).filter(present);
  const stress = records.map((d) => d.stress).filter(present);
  const sitting = records.map((d) => d.sittingMinutes).filter(present);
  const r1 = (x: number | null) => (x === null ? null : round(x, 1));
  return {
    pain: r1(mean(pain)),
    stress: r1(mean(stress)),
    sittingMinutes: r1(mean(sitting)),
    days: { pain: pain.length, stress: stress.length, sittingMinutes: sitting.length },
  };
}

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : round(a - b, 1);
}

export interface WeeklySummaryInput {
  /** Any date in the wanted week. */
  readonly date: LocalDate;
  /** History covering at least this week and the one before (more is fine). */
  readonly days: readonly DayRecord[];
  readonly questionnaires: readonly CompletedQuestionnaire[];
}

export function weeklySummary(input: WeeklySummaryInput): WeeklySummary {
  const weekStart = mondayOf(input.date);
  const weekEnd = addDays(weekStart, 6);
  const index = byDate(input.days);
  const pick = (dates: LocalDate[]) => dates.flatMap((d) => index.get(d) ?? []);
  const thisWeek = pick(weekDays(weekStart));
  const lastWeek = pick(weekDays(addDays(weekStart, -7)));
  const now = averages(thisWeek);
  const before = averages(lastWeek);
  const sessions = thisWeek.map((d) => d.exerciseSessions).filter(present);
  return {
    weekStart,
    weekEnd,
    averages: now,
    previousAverages: before,
    change: {
      pain: diff(now.pain, before.pain),
      stress: diff(now.stress, before.stress),
      sittingMinutes: diff(now.sittingMinutes, before.sittingMinutes),
    },
    adherence: {
      checkInDays: thisWeek.filter((d) => present(d.pain) || present(d.stress)).length,
      exerciseSessions: sessions.reduce((a, b) => a + b, 0),
      daysWithExercise: sessions.filter((s) => s > 0).length,
      breaksTaken: thisWeek
        .map((d) => d.breaksTaken)
        .filter(present)
        .reduce((a, b) => a + b, 0),
    },
    questionnaires: input.questionnaires
      .filter((q) => q.date >= weekStart && q.date <= weekEnd)
      .slice()
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
}
