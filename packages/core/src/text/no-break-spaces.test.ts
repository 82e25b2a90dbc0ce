import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { checkinBody } from '../contract/checkin.js';
import { clearanceBody } from '../contract/clearance.js';
import { exerciseSessionBody } from '../contract/exercise-session.js';
import { checkRecordedAt } from '../contract/recorded-at.js';
import { reflectionBody, stressSessionBody } from '../contract/stress.js';
import { baselineBody } from '../contract/baseline.js';
import { FLOOR_UNLOCK_SUMMARY, GOOD_SESSION_SUMMARY, PROGRESSION_SUMMARY } from '../program/lesson-facts.js';
import { RESCREEN_WORDING, painRiseText } from '../safety/rescreen.js';

/** A number, a breakable space, then a unit a person reads: "10 seconds" can wrap into "10" and "seconds". */
const BROKEN =
  /\d (?:s|min|h|×|seconds?|minutes?|hours?|days?|weeks?|characters?|sets?|holds?|points?|check-ins?|questions?|good)\b/;

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const parsed = schema.safeParse(input);
  assert.equal(parsed.success, false, JSON.stringify(input));
  return parsed.error?.issues.map((i) => i.message) ?? [];
}

test('the sentences core builds keep each number with its unit', () => {
  const sentences = [
    PROGRESSION_SUMMARY,
    GOOD_SESSION_SUMMARY,
    FLOOR_UNLOCK_SUMMARY,
    ...Object.values(RESCREEN_WORDING),
    painRiseText({ windowStart: '2026-12-01', mean: 6, checkins: 5, baselineWeekAverage: 3 }),
  ];
  for (const s of sentences) assert.doesNotMatch(s, BROKEN, s);
});

test("the contract's refusals keep each number with its unit", () => {
  const refusals = [
    ...messagesOf(checkinBody, { pain: 1, stress: 1, note: 'x'.repeat(1001) }),
    ...messagesOf(clearanceBody, { note: 'x'.repeat(2000) }),
    ...messagesOf(reflectionBody, { ruleId: 'simplify', note: 'x'.repeat(2000) }),
    ...messagesOf(baselineBody, { sittingHoursPerWorkday: 30 }),
    ...messagesOf(stressSessionBody, {
      plannedMinutes: 9,
      durationSeconds: 9999,
      inhaleSeconds: 99,
      exhaleSeconds: 99,
    }),
    ...messagesOf(exerciseSessionBody, {
      variant: 'chair',
      plannedSets: 3,
      plannedHoldSeconds: 9999,
      achievedHoldSeconds: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    }),
  ];
  assert.ok(refusals.some((m) => /\d\u00a0characters/.test(m)));
  assert.ok(refusals.some((m) => /\d\u00a0seconds/.test(m)));
  for (const m of refusals) assert.doesNotMatch(m, BROKEN, m);
  const now = new Date('2026-12-07T12:00:00Z');
  for (const at of ['2026-12-07T12:30:00Z', '2026-11-01T12:00:00Z']) {
    const check = checkRecordedAt(at, now, 'check-in', 'UTC');
    assert.equal(check.ok, false);
    if (!check.ok) assert.doesNotMatch(`${check.message} ${check.field}`, BROKEN);
  }
});
