import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { breakEventsQuery, breakStatsQuery } from './break-stats.js';

describe('break API contract', () => {
  test('stats query: a range, weeks, or nothing; never both, never backwards or too long', () => {
    assert.ok(breakStatsQuery.safeParse({}).success);
    assert.deepEqual(breakStatsQuery.parse({ weeks: '8' }), { weeks: 8 });
    assert.ok(breakStatsQuery.safeParse({ from: '2026-01-01', to: '2026-01-31' }).success);
    const bad: unknown[] = [
      { from: '2026-01-01' },
      { from: '2026-02-01', to: '2026-01-01' },
      { from: '2025-01-01', to: '2026-03-01' },
      { from: '2026-01-01', to: '2026-01-02', weeks: '2' },
      { weeks: '0' },
      { weeks: '53' },
      { weeks: 'many' },
      { from: '2026-02-30', to: '2026-03-01' },
      { userId: 'x' },
    ];
    for (const q of bad) assert.equal(breakStatsQuery.safeParse(q).success, false, JSON.stringify(q));
    assert.equal(breakEventsQuery.safeParse({ from: '2026-01-01', to: '2027-02-01' }).success, false);
  });
});
