import { localDate, type LocalDate } from './local-date.js';

/**
 * Local wall-clock time in an IANA zone, from `Intl` alone. The scheduler counts time in epoch
 * milliseconds; only questions about the user's calendar (working hours, "until tomorrow", which
 * day a statistic belongs to) go through here, so DST days come out 23 or 25 hours long.
 */

const MINUTE = 60_000;
const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

/** Local time minus UTC at `epochMs`, in milliseconds (e.g. +3_600_000 for Berlin in winter). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  // Intl drops milliseconds, so compare against the instant truncated to the second.
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall clock in `timeZone` shows `minuteOfDay` on `date`.
 * A time skipped by a spring-forward gap maps to the same distance past the gap (02:30 -> 03:30);
 * a time that occurs twice in autumn maps to its first occurrence.
 */
export function zonedTimeToEpoch(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const naive = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * MINUTE;
  // Offsets half a day either side bracket any transition near this wall time.
  const before = zoneOffsetMs(naive - 12 * 60 * MINUTE, timeZone);
  const after = zoneOffsetMs(naive + 12 * 60 * MINUTE, timeZone);
  const fits = [before, after]
    .map((offset) => naive - offset)
    .filter((epoch) => zoneOffsetMs(epoch, timeZone) === naive - epoch);
  // Twice (autumn): the earlier instant. Never (spring gap): read the clock with the offset from
  // before the gap, which lands as far past the gap as the time was into it.
  return fits.length > 0 ? Math.min(...fits) : naive - before;
}

/** Start of the local day `date` (not always 00:00: a few zones skip midnight). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  return zonedTimeToEpoch(date, 0, timeZone);
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export interface WallClock {
  readonly date: LocalDate;
  /** Minutes since local midnight, with fractions. */
  readonly minuteOfDay: number;
}

export function wallClock(epochMs: number, timeZone: string): WallClock {
  const local = epochMs + zoneOffsetMs(epochMs, timeZone);
  const date = localDate(new Date(epochMs), timeZone);
  return { date, minuteOfDay: (local - Date.parse(`${date}T00:00:00Z`)) / MINUTE };
}
