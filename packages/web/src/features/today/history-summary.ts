import { addDays, type CheckinPoint, type LocalDate } from '@hipwise/core';
import { formatShortDate } from '../../lib/dates';
import { plural } from '../../lib/units';

function mean(xs: readonly number[]): string {
  return (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1).replace(/\.0$/, '');
}

/**
 * The chart in words, for people who cannot see it and for anyone who prefers numbers:
 * the latest check-in, then the averages over the last seven days.
 */
export function historySummary(history: readonly CheckinPoint[], today: LocalDate): string {
  const latest = history.at(-1);
  if (!latest) return 'No check-ins yet.';
  const when = latest.date === today ? 'today' : formatShortDate(latest.date);
  const parts = [`Latest check-in (${when}): pain ${latest.pain}, stress ${latest.stress}.`];
  const week = history.filter((c) => c.date >= addDays(today, -6));
  if (week.length > 1) {
    parts.push(
      `Last ${plural(7, 'day')}: ${plural(week.length, 'check-in')}, average pain ${mean(week.map((c) => c.pain))}, average stress ${mean(week.map((c) => c.stress))}.`,
    );
  }
  if (history.length > 1)
    parts.push(`${plural(history.length, 'check-in')} in the last ${plural(90, 'day')}.`);
  return parts.join(' ');
}
