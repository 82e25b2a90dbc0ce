/**
 * CSV as RFC 4180 (comma, CRLF, double quotes doubled) with a UTF-8 byte order mark so spreadsheet
 * programs read accents right. Cells a spreadsheet would run as a formula (starting with = + - @,
 * tab or CR) are prefixed with ' (OWASP "CSV injection"): notes are free text the user typed, and
 * an export may be opened by someone else. Numbers are written as numbers, never prefixed.
 */
export type Cell = string | number | boolean | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
