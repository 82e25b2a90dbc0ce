import { clockMinutes, type BreakSettings } from '../contract/breaks.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { isoWeekday } from '../time/zoned-time.js';

/** Day arithmetic of the sitting coach: ranges of days, ISO weeks, and a day's walking-break goal. */

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Monday of the ISO week holding `date`. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** An assumed working day when no working hours are set. */
const DEFAULT_WORKDAY_MINUTES = 8 * 60;

/**
 * How many walking breaks a day should hold: one per work interval plus break across the working
 * day (the set hours on `date`, or an 8-hour day when none are set). 0 on days off.
 */
export function walkingBreakGoal(
  settings: Pick<BreakSettings, 'workMinutes' | 'breakMinutes' | 'workingHours'>,
  date: LocalDate,
): number {
  const hours = settings.workingHours;
  let minutes = DEFAULT_WORKDAY_MINUTES;
  if (hours) {
    if (!hours.days.includes(isoWeekday(date))) return 0;
    minutes = hours.ranges.reduce((sum, r) => sum + clockMinutes(r.to) - clockMinutes(r.from), 0);
  }
  return Math.floor(minutes / (settings.workMinutes + settings.breakMinutes));
}

/** Walking breaks that count as taken on a day: breaks taken on the break screen plus natural ones. */
export function walkingBreaksTaken(day: { walk: { taken: number }; naturalBreaks: number }): number {
  return day.walk.taken + day.naturalBreaks;
}
