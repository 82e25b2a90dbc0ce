import { APP_LOCALE } from './dates';
import { measure, minutes as min, NBSP } from './units';
const MIN = 60_000;

/** "2 h 05 min", "45 min", "0 min": times spent (sitting) read as durations, not clock times. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / MIN);
  if (minutes < 60) return min(minutes);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? measure(h, 'h') : `${measure(h, 'h')}${NBSP}${measure(String(m).padStart(2, '0'), 'min')}`;
}

/** "2:05" (minutes:seconds), for a countdown or a short stretch of time; rounded up, so a countdown reads "0:00" only at its end. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "in 12 min", "in less than a minute". */
export function formatIn(ms: number): string {
  const minutes = Math.round(ms / MIN);
  return minutes < 1 ? 'in less than a minute' : `in ${min(minutes)}`;
}

/** "Mon 14:30" for times that may be on another day (a pause until tomorrow). */
export function formatDayClock(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat(APP_LOCALE, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(epochMs);
}

/** "14:30" in the user's time zone. */
export function formatClock(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat(APP_LOCALE, { hour: '2-digit', minute: '2-digit', timeZone }).format(
    epochMs,
  );
}
