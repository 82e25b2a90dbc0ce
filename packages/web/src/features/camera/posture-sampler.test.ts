import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  INITIAL_POSTURE_SAMPLER,
  inCooldown,
  samplePosture,
  type PostureSample,
  type PostureSamplerState,
} from './posture-sampler';

const options = { nudgeAfter: 5, cooldownMs: 120_000 };
const slouch: PostureSample = { kind: 'judged', posture: 'slouching' };
const upright: PostureSample = { kind: 'judged', posture: 'upright' };
const unseen: PostureSample = { kind: 'cannot_see' };

/** Feeds samples one a second from `startMs`; returns the final state and when nudges came. */
function run(samples: readonly PostureSample[], start = INITIAL_POSTURE_SAMPLER, startMs = 0) {
  let state: PostureSamplerState = start;
  const nudges: { atMs: number; issue: string }[] = [];
  samples.forEach((s, i) => {
    const atMs = startMs + i * 1000;
    const out = samplePosture(state, s, atMs, options);
    state = out.state;
    if (out.nudge !== undefined) nudges.push({ atMs, issue: out.nudge });
  });
  return { state, nudges };
}

test('nudges on the fifth bad sample in a row, not before', () => {
  assert.deepEqual(run([slouch, slouch, slouch, slouch]).nudges, []);
  const { nudges, state } = run([slouch, slouch, slouch, slouch, slouch]);
  assert.deepEqual(nudges, [{ atMs: 4000, issue: 'slouching' }]);
  assert.equal(state.badStreak, 0);
  assert.equal(state.lastNudgeAtMs, 4000);
  assert.equal(state.samples, 5);
});

test('an upright sample breaks the run', () => {
  const { nudges, state } = run([slouch, slouch, slouch, slouch, upright, slouch, slouch, slouch, slouch]);
  assert.deepEqual(nudges, []);
  assert.equal(state.samples, 9);
  assert.equal(state.uprightSamples, 1);
});

test('a sample where the user is not seen neither counts nor breaks the run', () => {
  const { nudges, state } = run([slouch, slouch, unseen, slouch, unseen, slouch]);
  assert.deepEqual(nudges, []);
  assert.equal(state.badStreak, 4);
  assert.equal(state.samples, 6);
  assert.deepEqual(run([slouch, slouch, unseen, slouch, slouch, slouch]).nudges.length, 1);
  assert.deepEqual(run([unseen, unseen, unseen, unseen, unseen, unseen]).nudges, []);
});

test('mixed bad postures count together; the nudge names the latest', () => {
  const lean: PostureSample = { kind: 'judged', posture: 'leaning_back' };
  const feet: PostureSample = { kind: 'judged', posture: 'feet_not_flat' };
  assert.deepEqual(run([slouch, lean, lean, slouch, feet]).nudges, [{ atMs: 4000, issue: 'feet_not_flat' }]);
});

test('after a nudge, no other for the cooldown, then the next full run nudges again', () => {
  // 5 bad samples nudge at 4 s; the user keeps slouching: silent until 124 s.
  const long = Array.from({ length: 130 }, () => slouch);
  const { nudges } = run(long);
  assert.equal(nudges[0]?.atMs, 4000);
  assert.ok(nudges.length >= 2);
  assert.ok(nudges[1]!.atMs >= 124_000, `second nudge at ${nudges[1]!.atMs}`);
  for (let i = 1; i < nudges.length; i++) assert.ok(nudges[i]!.atMs - nudges[i - 1]!.atMs >= 120_000);
});

test('inCooldown reports the quiet period', () => {
  const { state } = run([slouch, slouch, slouch, slouch, slouch]);
  assert.equal(inCooldown(state, 4000 + 119_999, options), true);
  assert.equal(inCooldown(state, 4000 + 120_000, options), false);
  assert.equal(inCooldown(INITIAL_POSTURE_SAMPLER, 0, options), false);
});
