import { clockMinutes, type WorkingHours } from '../contract/breaks.js';
import { addDays, localDate, type LocalDate } from '../time/local-date.js';
import { isoWeekday, startOfLocalDay, zonedTimeToEpoch } from '../time/zoned-time.js';

/**
 * Working hours as spans of real time. Outside them the scheduler fires nothing and counts no
 * work. `null` hours mean "always". Ranges are wall-clock times, so on a DST day a 09:00-17:00
 * range is still 09:00-17:00 on the clock, and a range across the change is an hour shorter or
 * longer in real time.
 */

type Span = readonly [start: number, end: number];
const DAY = 86_400_000;
/** How far to look for the next or previous edge: a week covers any pattern of days. */
const SEARCH_DAYS = 8;

function spansOnDate(date: LocalDate, hours: WorkingHours, timeZone: string): Span[] {
  if (!hours.days.includes(isoWeekday(date))) return [];
  return hours.ranges.map(
    (r) =>
      [
        zonedTimeToEpoch(date, clockMinutes(r.from), timeZone),
        zonedTimeToEpoch(date, clockMinutes(r.to), timeZone),
      ] as const,
  );
}

/** Merged, sorted spans of working time touching the local dates from `a` to `b` (inclusive). */
function spansBetween(a: number, b: number, hours: WorkingHours, timeZone: string): Span[] {
  const raw: Span[] = [];
  const last = localDate(new Date(b), timeZone);
  // Start a day early: a range on the previous local date can end after `a`.
  for (let date = addDays(localDate(new Date(a), timeZone), -1); date <= last; date = addDays(date, 1)) {
    raw.push(...spansOnDate(date, hours, timeZone));
  }
  raw.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of raw) {
    const top = merged[merged.length - 1];
    // Touching ranges (12:00-12:00, or 24:00 then 00:00 next day) are one span: no edge between.
    if (top && s <= top[1]) top[1] = Math.max(top[1], e);
    else if (e > s) merged.push([s, e]);
  }
  return merged;
}

export function isWithinHours(t: number, hours: WorkingHours | null, timeZone: string): boolean {
  if (!hours) return true;
  return spansBetween(t, t, hours, timeZone).some(([s, e]) => s <= t && t < e);
}

/** Milliseconds of working time within [a, b). */
export function msWithinHours(a: number, b: number, hours: WorkingHours | null, timeZone: string): number {
  if (b <= a) return 0;
  if (!hours) return b - a;
  // Work only ever accrues over short spans; the cap keeps a wild input from looping for years.
  const from = Math.max(a, b - 40 * DAY);
  let ms = 0;
  for (const [s, e] of spansBetween(from, b, hours, timeZone))
    ms += Math.max(0, Math.min(e, b) - Math.max(s, from));
  return ms;
}

/** The first instant after `t` at which being inside working hours changes, if within a week. */
export function nextHoursEdge(t: number, hours: WorkingHours | null, timeZone: string): number | null {
  if (!hours) return null;
  for (const [s, e] of spansBetween(t, t + SEARCH_DAYS * DAY, hours, timeZone)) {
    if (s > t) return s;
    // The last span may only end because the search window does (hours every day, all day).
    if (e > t) return isWithinHours(e, hours, timeZone) ? null : e;
  }
  return null;
}

/** Choices the pause menu offers; "tomorrow" is resolved in the user's zone. */
export type PauseChoice = { readonly minutes: number } | 'tomorrow';

/**
 * When a pause chosen at `at` ends. "Tomorrow" is the start of working hours on the next working
 * day, or `tomorrowStartsAt` on the next calendar day without working hours (Stretchly #243, #381).
 */
export function pauseUntil(
  at: number,
  choice: PauseChoice,
  settings: { readonly workingHours: WorkingHours | null; readonly tomorrowStartsAt: string },
  timeZone: string,
): number {
  if (choice !== 'tomorrow') return at + Math.max(1, choice.minutes) * 60_000;
  const tomorrow = addDays(localDate(new Date(at), timeZone), 1);
  const hours = settings.workingHours;
  if (hours) {
    const dayStart = startOfLocalDay(tomorrow, timeZone);
    const next = spansBetween(dayStart, dayStart + SEARCH_DAYS * DAY, hours, timeZone).find(
      ([s]) => s >= dayStart,
    );
    if (next) return next[0];
  }
  return zonedTimeToEpoch(tomorrow, clockMinutes(settings.tomorrowStartsAt), timeZone);
}
