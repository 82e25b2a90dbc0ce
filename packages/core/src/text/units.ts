/**
 * Numbers with their units, as the app writes them: a no-break space between number and unit, so
 * "10 s" never wraps into "10" and a lone "s", and words in the singular for one. Every number
 * with a unit that a person reads goes through here, in core where a string is built and in the
 * web app.
 */
export const NBSP = '\u00a0';

/** "1 minute", "3 minutes"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n}${NBSP}${n === 1 ? one : many}`;
}

/** A unit symbol, the same for one and many: "5 MB", "2 h"; the number may be preformatted ("05"). */
export function measure(n: number | string, symbol: string): string {
  return `${n}${NBSP}${symbol}`;
}

/** "10 s"; a list shares one unit: "10, 10, 8 s". */
export function seconds(values: number | readonly number[]): string {
  const list = typeof values === 'number' ? [values] : values;
  return measure(list.join(', '), 's');
}

/** "5 min". */
export function minutes(n: number): string {
  return measure(n, 'min');
}

/** "3 × 10 s": sets of holds. */
export function setsOfHolds(sets: number, holdSeconds: number): string {
  return `${sets}${NBSP}×${NBSP}${seconds(holdSeconds)}`;
}
