import type { StoredBreakEvent } from '../contract/breaks.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { startOfLocalDay } from '../time/zoned-time.js';

/**
 * Statistics over stored scheduler events, per local day of the user's zone (so a DST day is 23
 * or 25 hours long). Pure: the same events always give the same numbers.
 *
 * Sitting is estimated as time present at the computer, minus walking breaks, minus time the user
 * said they were standing. Micro breaks are a posture reset in the chair, so they stay sitting.
 * A pause silences reminders; it does not make the user stand, so it still counts.
 */

export interface BreakCounts {
  readonly taken: number;
  readonly endedEarly: number;
  /** The break screen ran while the user kept working. */
  readonly ignored: number;
  readonly skipped: number;
  readonly postponed: number;
}

export interface DailyBreakStats {
  readonly date: LocalDate;
  /** Present at the computer, not on a walking break. */
  readonly activeMs: number;
  readonly sittingMs: number;
  readonly standingMs: number;
  /** Longest stretch of sitting with no walk, absence or standing spell in it (within the day). */
  readonly longestSittingMs: number;
  readonly walk: BreakCounts;
  readonly micro: BreakCounts;
  readonly naturalBreaks: number;
}

export interface StatsOptions {
  /**
   * Where an open state (user still present) ends; for today pass the current time. Defaults to
   * the last event's time, so a finished day is never stretched to midnight.
   */
  readonly asOf?: number;
}

export function dailyStats(
  events: readonly StoredBreakEvent[],
  timeZone: string,
  date: LocalDate,
  options: StatsOptions = {},
): DailyBreakStats {
  return statsOfDay(sortEvents(events), timeZone, date, options);
}

/** One entry per local date from `from` to `to` inclusive. */
export function dailySeries(
  events: readonly StoredBreakEvent[],
  timeZone: string,
  from: LocalDate,
  to: LocalDate,
  options: StatsOptions = {},
): DailyBreakStats[] {
  const sorted = sortEvents(events);
  const out: DailyBreakStats[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(statsOfDay(sorted, timeZone, d, options));
  return out;
}

export interface WeeklyBreakStats {
  readonly weekStart: LocalDate;
  readonly sittingMs: number;
  /** Days with any time at the computer: the fair denominator for an average. */
  readonly activeDays: number;
  readonly avgSittingMsPerActiveDay: number;
  readonly longestSittingMs: number;
  readonly walkTaken: number;
  readonly walkSkipped: number;
  readonly walkPostponed: number;
  readonly naturalBreaks: number;
}

/** `weeks` consecutive 7-day weeks starting at `firstWeekStart`, for charts over weeks. */
export function weeklySeries(
  events: readonly StoredBreakEvent[],
  timeZone: string,
  firstWeekStart: LocalDate,
  weeks: number,
  options: StatsOptions = {},
): WeeklyBreakStats[] {
  const sorted = sortEvents(events);
  const out: WeeklyBreakStats[] = [];
  for (let w = 0; w < weeks; w++) {
    const weekStart = addDays(firstWeekStart, 7 * w);
    const days = Array.from({ length: 7 }, (_, i) =>
      statsOfDay(sorted, timeZone, addDays(weekStart, i), options),
    );
    const sittingMs = sum(days.map((d) => d.sittingMs));
    const activeDays = days.filter((d) => d.activeMs > 0).length;
    out.push({
      weekStart,
      sittingMs,
      activeDays,
      avgSittingMsPerActiveDay: activeDays === 0 ? 0 : Math.round(sittingMs / activeDays),
      longestSittingMs: Math.max(0, ...days.map((d) => d.longestSittingMs)),
      walkTaken: sum(days.map((d) => d.walk.taken)),
      walkSkipped: sum(days.map((d) => d.walk.skipped)),
      walkPostponed: sum(days.map((d) => d.walk.postponed)),
      naturalBreaks: sum(days.map((d) => d.naturalBreaks)),
    });
  }
  return out;
}

// ---------- internals ----------

function sortEvents(events: readonly StoredBreakEvent[]): StoredBreakEvent[] {
  // Stable sort: events of the same millisecond keep the order they were recorded in.
  return [...events].sort((a, b) => a.at - b.at);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

type MutableCounts = { -readonly [K in keyof BreakCounts]: BreakCounts[K] };
const zero = (): MutableCounts => ({ taken: 0, endedEarly: 0, ignored: 0, skipped: 0, postponed: 0 });

function statsOfDay(
  sorted: readonly StoredBreakEvent[],
  timeZone: string,
  date: LocalDate,
  options: StatsOptions,
): DailyBreakStats {
  const start = startOfLocalDay(date, timeZone);
  const end = startOfLocalDay(addDays(date, 1), timeZone);
  const lastAt = sorted.length > 0 ? (sorted[sorted.length - 1]?.at ?? start) : start;
  const openUntil = Math.min(end, options.asOf ?? lastAt);

  let present = false;
  let onWalk = false;
  let standing = false;
  let activeMs = 0;
  let sittingMs = 0;
  let standingMs = 0;
  let longest = 0;
  let stretchFrom: number | null = null;
  const walk = zero();
  const micro = zero();
  let naturalBreaks = 0;

  // Account for the state holding over [from, to), clipped to the day.
  const span = (from: number, to: number) => {
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (b <= a || !present || onWalk) return;
    activeMs += b - a;
    if (standing) standingMs += b - a;
    else sittingMs += b - a;
  };
  const sittingNow = () => present && !onWalk && !standing;
  const closeStretch = (at: number) => {
    if (stretchFrom === null) return;
    longest = Math.max(longest, Math.min(at, end) - Math.max(stretchFrom, start));
    stretchFrom = null;
  };

  let prev = Number.NEGATIVE_INFINITY;
  for (const e of sorted) {
    if (e.at >= end) break;
    span(prev, e.at);
    const wasSitting = sittingNow();
    const inDay = e.at >= start;
    const counts =
      'kind' in e && (e.kind === 'walk' || e.kind === 'micro') ? (e.kind === 'walk' ? walk : micro) : null;
    switch (e.type) {
      case 'present':
        present = true;
        break;
      case 'away':
        present = false;
        break;
      case 'natural-break':
        if (inDay) naturalBreaks += 1;
        break;
      case 'break-started':
        if (e.kind === 'walk') onWalk = true;
        break;
      case 'break-ended':
        if (e.kind === 'walk') onWalk = false;
        if (inDay && counts) {
          if (e.outcome === 'taken') counts.taken += 1;
          else if (e.outcome === 'ended-early') counts.endedEarly += 1;
          else counts.ignored += 1;
        }
        break;
      case 'break-skipped':
        if (e.kind === 'walk') onWalk = false;
        // A break a pause dropped is not one the user skipped: "Skipped" counts what the daily
        // skip allowance counts.
        if (inDay && counts && e.reason === 'user') counts.skipped += 1;
        break;
      case 'break-postponed':
        if (e.kind === 'walk') onWalk = false;
        if (inDay && counts) counts.postponed += 1;
        break;
      case 'posture':
        standing = e.posture === 'standing';
        break;
      case 'posture-due':
      case 'paused':
      case 'resumed':
      case 'hours-start':
      case 'hours-end':
        break;
    }
    const isSitting = sittingNow();
    if (wasSitting && !isSitting) closeStretch(e.at);
    if (!wasSitting && isSitting) stretchFrom = e.at;
    prev = e.at;
  }
  span(prev, openUntil);
  if (sittingNow()) closeStretch(Math.max(openUntil, start));

  return {
    date,
    activeMs,
    sittingMs,
    standingMs,
    longestSittingMs: Math.max(0, longest),
    walk,
    micro,
    naturalBreaks,
  };
}
