import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDateSchema } from './common.js';

test('a local date is a real YYYY-MM-DD date', () => {
  for (const d of ['2026-03-10', '2024-02-29', '1900-01-01', '2999-12-31']) {
    assert.equal(localDateSchema.safeParse(d).success, true, d);
  }
  for (const d of ['2023-02-29', '2026-13-01', '2026-3-1', '+002026-03-10', '2026-03-10T00:00:00Z', '']) {
    assert.deepEqual(
      localDateSchema.safeParse(d).error?.issues[0]?.message,
      'must be a date as YYYY-MM-DD',
      d,
    );
  }
});

test('dates outside 1900-2999 are refused, so day arithmetic on them stays in four-digit years', () => {
  // Found by route fuzzing: 9999-12-31 passed, and a day later is no longer a YYYY-MM-DD string.
  for (const d of ['9999-12-31', '3000-01-01', '1899-12-31', '0000-01-01']) {
    assert.deepEqual(
      localDateSchema.safeParse(d).error?.issues.map((i) => i.message),
      ['must be a date between 1900-01-01 and 2999-12-31'],
      d,
    );
  }
});
