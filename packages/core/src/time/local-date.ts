import { plural } from '../text/units.js';

/** A calendar date in the user's time zone, as `YYYY-MM-DD`. */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD; cached because constructing formatters is slow on hot paths.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The date it is in `timeZone` at `instant`. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  return formatterFor(timeZone).format(instant);
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export class DateOutOfRangeError extends RangeError {
  override readonly name = 'DateOutOfRangeError';
}

/**
 * Shift a calendar date by whole days (no time zone involved: dates are calendar labels).
 * Throws outside years 0000-9999: there toISOString stops giving YYYY-MM-DD, and loops that
 * compare dates as strings would never end.
 */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const year = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || year < 0 || year > 9999) {
    throw new DateOutOfRangeError(`${date} plus ${plural(days, 'day')} is outside the years 0000 to 9999.`);
  }
  return d.toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar date such as 2024-02-29, false for 2023-02-29 or 2024-13-01. */
export function isLocalDate(s: string): boolean {
  return ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}
