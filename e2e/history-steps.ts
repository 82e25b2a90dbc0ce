/** Past days of check-ins, seeded through the API on the server's movable clock. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Harness } from './harness.js';

/** Two weeks of plausible numbers: pain drifting down, stress up and down, two days missed. */
export const TWO_WEEKS: ReadonlyArray<readonly [daysAgo: number, pain: number, stress: number]> = [
  [13, 7, 6],
  [12, 7, 7],
  [11, 6, 5],
  [10, 6, 6],
  [8, 6, 4],
  [7, 5, 5],
  [6, 5, 6],
  [5, 5, 4],
  [3, 4, 5],
  [2, 5, 3],
  [1, 4, 3],
];

/**
 * Posts one check-in per past day with the page's session cookie. The server writes only
 * "today's" check-in, so its clock moves back a day at a time and is put back afterwards.
 */
export async function seedCheckins(h: Harness, page: Page, days = TWO_WEEKS): Promise<void> {
  try {
    for (const [daysAgo, pain, stress] of days) {
      h.clock.setOffsetDays(-daysAgo);
      const res = await page.request.post('/api/checkins', {
        data: { pain, stress },
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      });
      assert.equal(res.status(), 201, await res.text());
    }
  } finally {
    h.clock.setOffsetDays(0);
  }
}
