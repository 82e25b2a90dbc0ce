import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineBody } from './baseline.js';

const body = (sittingHoursPerWorkday: number) => ({
  painNow: 5,
  painWeekAverage: 5,
  peg: { pain: 5, enjoyment: 5, activity: 5 },
  sittingHoursPerWorkday,
  stress: 4,
});

test('sitting hours are whole or half hours from 0 to 24', () => {
  for (const hours of [0, 0.5, 7.5, 8, 24])
    assert.equal(baselineBody.safeParse(body(hours)).success, true, `${hours}`);
  for (const hours of [0.25, 7.4, -0.5, 24.5])
    assert.equal(baselineBody.safeParse(body(hours)).success, false, `${hours}`);
});

test('a tiny (subnormal) number of hours is refused, not passed on to a real column that cannot hold it', () => {
  // Found by route fuzzing: .multipleOf(0.5) accepted these, and PostgreSQL answered "value out of range: underflow".
  for (const hours of [5e-324, 1e-310, 2.2250738585072014e-308]) {
    const result = baselineBody.safeParse(body(hours));
    assert.equal(result.success, false, `${hours}`);
    assert.match(result.error?.issues[0]?.message ?? '', /whole or half hours/);
  }
});
