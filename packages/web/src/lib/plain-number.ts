/**
 * A number as people type it: digits with at most one decimal point or comma ("7", "7.5", "7,5").
 * Anything else ("1e1", "0x10", "7.5.1", "", "Infinity") is NaN, for the form's validation to
 * refuse with its own message, where `Number()` would quietly read "1e1" as 10.
 */
export function parsePlainNumber(text: string): number {
  const t = text.trim();
  return /^-?\d+(?:[.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : Number.NaN;
}
