import type { LocalDate } from '@hipwise/core';

/**
 * The app is written in English, so its dates are too, whatever the browser's language: a German
 * browser would otherwise show "Freitag, 27. November" in an English sentence. When the app is
 * translated, this follows the chosen language.
 */
export const APP_LOCALE = 'en-GB';

// Local dates are calendar labels: anchor them at noon UTC and format in UTC so no device
// time zone can shift them to the day before or after.
function noonUtc(date: LocalDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

const long = new Intl.DateTimeFormat(APP_LOCALE, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const short = new Intl.DateTimeFormat(APP_LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Thursday 27 November". */
export function formatLongDate(date: LocalDate): string {
  return long.format(noonUtc(date));
}

/** "27 Nov". */
export function formatShortDate(date: LocalDate): string {
  return short.format(noonUtc(date));
}

/** Seconds since the epoch, as uPlot's time scale expects. */
export function chartTime(date: LocalDate): number {
  return noonUtc(date).getTime() / 1000;
}
