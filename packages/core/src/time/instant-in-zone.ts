import { zoneOffsetMs } from './zoned-time.js';

/**
 * An instant as ISO 8601 with the offset of `timeZone` at that instant, e.g.
 * "2026-03-10T10:00:00.000+01:00": exports show times as the user lived them, and the offset keeps
 * the instant exact for any program that reads them.
 */
export function isoInZone(instant: number | string | Date, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  // Offsets of whole minutes: historic local mean times had seconds, which ISO 8601 offsets lack.
  const offsetMinutes = Math.round(zoneOffsetMs(ms, timeZone) / 60_000);
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z$/;

/**
 * A copy of a JSON value with every UTC ISO 8601 string (as `toISOString` writes them) rewritten
 * by `isoInZone`. Dates without a time (`YYYY-MM-DD`) and other strings are left as they are.
 */
export function instantsInZone(value: unknown, timeZone: string): unknown {
  if (typeof value === 'string') return UTC_ISO.test(value) ? isoInZone(value, timeZone) : value;
  if (Array.isArray(value)) return value.map((v) => instantsInZone(v, timeZone));
  if (value instanceof Date) return isoInZone(value, timeZone);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, instantsInZone(v, timeZone)]));
  }
  return value;
}
