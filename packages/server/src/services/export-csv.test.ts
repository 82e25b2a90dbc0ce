import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './export-csv.js';

test('CSV quotes what needs quoting and defuses formulas in text', () => {
  const csv = toCsv(
    ['date', 'pain', 'note'],
    [
      ['2026-03-01', 5, 'long drive, then "rest"'],
      ['2026-03-02', -1, '=HYPERLINK("x")'],
      ['2026-03-03', 0, null],
      ['2026-03-04', 2, 'two\nlines'],
    ],
  );
  assert.equal(
    csv,
    '\uFEFFdate,pain,note\r\n2026-03-01,5,"long drive, then ""rest"""\r\n2026-03-02,-1,"\'=HYPERLINK(""x"")"\r\n2026-03-03,0,\r\n2026-03-04,2,"two\nlines"\r\n',
  );
});
