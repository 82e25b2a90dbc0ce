import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FormCheck, FormResult } from './form-check.js';
import {
  holdTimer,
  startHold,
  summarizeSet,
  type HoldTimerEvent,
  type HoldTimerState,
} from './hold-timer.js';

const check = (status: FormCheck<string>['status']): FormCheck<string> => ({
  id: 'c',
  status,
  cue: undefined,
  value: undefined,
});
const frame = (atMs: number, statuses: FormCheck<string>['status'][]): HoldTimerEvent => {
  const checks = statuses.map(check);
  const result: FormResult<string> = {
    kind: 'judged',
    side: 'left',
    facing: 1,
    checks,
    allPass: checks.every((c) => c.status !== 'fix'),
    cue: undefined,
  };
  return { type: 'frame', atMs, result };
};
const unseen = (atMs: number): HoldTimerEvent => ({
  type: 'frame',
  atMs,
  result: { kind: 'cannot_see', reason: 'joints_not_seen', missing: ['left_knee'], advice: 'x' },
});
const run = (events: HoldTimerEvent[], targetMs = 10_000): HoldTimerState =>
  events.reduce(holdTimer, startHold(targetMs));

test('time counts only while every check passes', () => {
  const s = run([
    frame(0, ['pass', 'pass']),
    frame(100, ['pass', 'fix']),
    frame(200, ['pass', 'fix']),
    frame(300, ['pass', 'pass']),
    frame(400, ['pass', 'pass']),
  ]);
  const sum = summarizeSet(s);
  assert.equal(sum.goodFormMs, 200); // 0-100 and 300-400
  assert.equal(sum.totalMs, 400);
  // Time-weighted share of passing checks: 100 ms at 1, 200 ms at 0.5, 100 ms at 1 -> 0.75.
  assert.equal(sum.formScore, 0.75);
});

test('not-seen optional checks neither pass nor fail', () => {
  const sum = summarizeSet(run([frame(0, ['pass', 'not_seen']), frame(400, ['pass', 'not_seen'])]));
  assert.equal(sum.goodFormMs, 400);
  assert.equal(sum.formScore, 1);
});

test('frames the camera cannot judge count as unseen, not good and not scored', () => {
  const sum = summarizeSet(
    run([frame(0, ['pass']), unseen(100), unseen(200), frame(300, ['pass']), frame(400, ['pass'])]),
  );
  assert.equal(sum.goodFormMs, 200);
  assert.equal(sum.unseenMs, 200);
  assert.equal(sum.formScore, 1);
  assert.equal(summarizeSet(run([unseen(0), unseen(100)])).formScore, null);
});

test('a long gap or a pause credits nothing; time going backwards is ignored', () => {
  const gap = summarizeSet(run([frame(0, ['pass']), frame(5000, ['pass']), frame(5100, ['pass'])]));
  assert.equal(gap.goodFormMs, 100);
  const paused = summarizeSet(
    run([frame(0, ['pass']), { type: 'pause' }, frame(300, ['pass']), frame(400, ['pass'])]),
  );
  assert.equal(paused.goodFormMs, 100);
  const back = summarizeSet(run([frame(100, ['pass']), frame(50, ['pass']), frame(150, ['pass'])]));
  assert.equal(back.goodFormMs, 100);
});

test('the hold completes once the time in good form reaches the target', () => {
  const events = Array.from({ length: 31 }, (_, i) => frame(i * 33, ['pass']));
  assert.equal(summarizeSet(run(events, 1000)).holdComplete, false); // 990 ms
  assert.equal(summarizeSet(run([...events, frame(31 * 33, ['pass'])], 1000)).holdComplete, true);
});
