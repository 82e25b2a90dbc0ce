import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exerciseSessionBody } from '../contract/exercise-session.js';
import {
  advance,
  COUNTDOWN_MS,
  endEarly,
  heldSoFar,
  initialState,
  letGo,
  nextStep,
  phaseEnd,
  previousStep,
  REST_MS,
  sessionBody,
  setPainAfter,
  setPainBefore,
  skipWait,
  stopForPain,
  type Phase,
  type SessionPlan,
  type SessionState,
} from './session-machine.js';

const plan: SessionPlan = { variant: 'chair', sets: 3, holdSeconds: 10, stepCount: 2 };
const HOLD_MS = plan.holdSeconds * 1000;
const T0 = 1_000_000;

/** A state with the given phase and holds, pain before already answered. */
function at(phase: Phase, held: number[] = []): SessionState {
  return { ...initialState, painBefore: 2, held, phase };
}

/** Through pain before and every step: the countdown of set 1 starts at `t`. */
function toFirstCountdown(t: number): SessionState {
  let s = setPainBefore(initialState, 2);
  for (let i = 0; i < plan.stepCount; i++) s = nextStep(s, plan, t);
  return s;
}

test('a session starts by asking pain before, with nothing held and no early stop', () => {
  assert.deepEqual(initialState.phase, { kind: 'pain-before' });
  assert.deepEqual(initialState.held, []);
  assert.equal(initialState.painBefore, null);
  assert.equal(initialState.painAfter, null);
  assert.equal(initialState.stoppedEarly, 'none');
});

test('pain before is kept and leads to the first step', () => {
  const s = setPainBefore(initialState, 4);
  assert.equal(s.painBefore, 4);
  assert.deepEqual(s.phase, { kind: 'step', index: 0 });
});

test('steps go forward one at a time, and the last one starts the countdown of set 1 at the time of the click', () => {
  const s1 = nextStep(setPainBefore(initialState, 1), plan, T0);
  assert.deepEqual(s1.phase, { kind: 'step', index: 1 });
  const s2 = nextStep(s1, plan, T0 + 7);
  assert.deepEqual(s2.phase, { kind: 'countdown', set: 0, startedAt: T0 + 7 });
});

test('a plan with a single step goes from it straight to the countdown', () => {
  const one = { ...plan, stepCount: 1 };
  assert.deepEqual(nextStep(setPainBefore(initialState, 0), one, T0).phase, {
    kind: 'countdown',
    set: 0,
    startedAt: T0,
  });
});

test('back goes to the step before, and does nothing on the first step', () => {
  const s1 = at({ kind: 'step', index: 1 });
  assert.deepEqual(previousStep(s1).phase, { kind: 'step', index: 0 });
  const s0 = at({ kind: 'step', index: 0 });
  assert.equal(previousStep(s0), s0);
});

test('next and back do nothing outside the steps', () => {
  for (const phase of [
    { kind: 'pain-before' },
    { kind: 'countdown', set: 0, startedAt: T0 },
    { kind: 'hold', set: 0, startedAt: T0 },
    { kind: 'pain-after' },
    { kind: 'ended' },
  ] as const) {
    const s = at(phase);
    assert.equal(nextStep(s, plan, T0), s, phase.kind);
    assert.equal(previousStep(s), s, phase.kind);
  }
});

test('phaseEnd: the countdown, the hold and the rest end after their lengths; the other phases wait for the user', () => {
  assert.equal(phaseEnd({ kind: 'countdown', set: 0, startedAt: T0 }, plan), T0 + COUNTDOWN_MS);
  assert.equal(phaseEnd({ kind: 'hold', set: 1, startedAt: T0 }, plan), T0 + HOLD_MS);
  assert.equal(phaseEnd({ kind: 'rest', afterSet: 0, startedAt: T0 }, plan), T0 + REST_MS);
  for (const phase of [
    { kind: 'pain-before' },
    { kind: 'step', index: 0 },
    { kind: 'pain-after' },
    { kind: 'ended' },
  ] as const) {
    assert.equal(phaseEnd(phase, plan), null, phase.kind);
  }
});

test('advance before the end of a phase changes nothing and returns the same state', () => {
  const s = toFirstCountdown(T0);
  const r = advance(s, plan, T0 + COUNTDOWN_MS - 1);
  assert.equal(r.state, s);
  assert.deepEqual(r.events, []);
});

test('advance leaves the phases that wait for the user alone, however late it is', () => {
  for (const phase of [
    { kind: 'pain-before' },
    { kind: 'step', index: 1 },
    { kind: 'pain-after' },
    { kind: 'ended' },
  ] as const) {
    const s = at(phase);
    const r = advance(s, plan, T0 + 10 * 60_000);
    assert.equal(r.state, s, phase.kind);
    assert.deepEqual(r.events, []);
  }
});

test('the countdown turns into the hold of the same set, starting at the exact end of the countdown', () => {
  const r = advance(toFirstCountdown(T0), plan, T0 + COUNTDOWN_MS + 150);
  assert.deepEqual(r.state.phase, { kind: 'hold', set: 0, startedAt: T0 + COUNTDOWN_MS });
  assert.deepEqual(r.events, ['hold']);
});

test('a full hold records the planned seconds and leads to a rest; the rest leads to the countdown of the next set', () => {
  const hold = at({ kind: 'hold', set: 0, startedAt: T0 });
  const r1 = advance(hold, plan, T0 + HOLD_MS);
  assert.deepEqual(r1.state.held, [10]);
  assert.deepEqual(r1.state.phase, { kind: 'rest', afterSet: 0, startedAt: T0 + HOLD_MS });
  assert.deepEqual(r1.events, ['rest']);
  const r2 = advance(r1.state, plan, T0 + HOLD_MS + REST_MS);
  assert.deepEqual(r2.state.phase, { kind: 'countdown', set: 1, startedAt: T0 + HOLD_MS + REST_MS });
  assert.deepEqual(r2.events, ['countdown']);
});

test('the last hold leads to pain after, with no rest, and says so', () => {
  const r = advance(at({ kind: 'hold', set: 2, startedAt: T0 }, [10, 10]), plan, T0 + HOLD_MS);
  assert.deepEqual(r.state.phase, { kind: 'pain-after' });
  assert.deepEqual(r.state.held, [10, 10, 10]);
  assert.deepEqual(r.events, ['last-hold-done']);
});

test('a tab woken after a long sleep catches up through every phase, each starting where the one before ended', () => {
  const start = toFirstCountdown(T0);
  const total = plan.sets * (COUNTDOWN_MS + HOLD_MS) + (plan.sets - 1) * REST_MS;
  const r = advance(start, plan, T0 + total + 60_000);
  assert.deepEqual(r.state.phase, { kind: 'pain-after' });
  assert.deepEqual(r.state.held, [10, 10, 10]);
  assert.deepEqual(r.events, [
    'hold',
    'rest',
    'countdown',
    'hold',
    'rest',
    'countdown',
    'hold',
    'last-hold-done',
  ]);

  // Stopping part-way: one millisecond before the end of set 2's hold, it is still running and
  // started at the exact sum of the phases before it.
  const mid = advance(start, plan, T0 + 2 * COUNTDOWN_MS + HOLD_MS + REST_MS + HOLD_MS - 1);
  assert.deepEqual(mid.state.phase, {
    kind: 'hold',
    set: 1,
    startedAt: T0 + 2 * COUNTDOWN_MS + HOLD_MS + REST_MS,
  });
  assert.deepEqual(mid.state.held, [10]);
});

test('late ticks never stretch the timings: advancing in many small ticks ends where one big tick does', () => {
  const start = toFirstCountdown(T0);
  const end = T0 + 2 * COUNTDOWN_MS + 2 * HOLD_MS + REST_MS + 1234;
  let s = start;
  for (let t = T0; t <= end; t += 333) s = advance(s, plan, t).state;
  s = advance(s, plan, end).state;
  assert.deepEqual(s, advance(start, plan, end).state);
});

test('heldSoFar counts whole seconds of the hold in progress, never more than planned, and 0 outside a hold', () => {
  const hold: Phase = { kind: 'hold', set: 0, startedAt: T0 };
  assert.equal(heldSoFar(hold, plan, T0), 0);
  assert.equal(heldSoFar(hold, plan, T0 + 3_999), 3);
  assert.equal(heldSoFar(hold, plan, T0 + 4_000), 4);
  assert.equal(heldSoFar(hold, plan, T0 + 60_000), 10);
  assert.equal(heldSoFar(hold, plan, T0 - 500), 0, 'a clock behind the start counts nothing');
  assert.equal(heldSoFar({ kind: 'rest', afterSet: 0, startedAt: T0 }, plan, T0 + 4_000), 0);
});

test('letting go early records the seconds held so far and goes on to the rest at once', () => {
  const s = letGo(at({ kind: 'hold', set: 0, startedAt: T0 }), plan, T0 + 6_500);
  assert.deepEqual(s.held, [6]);
  assert.deepEqual(s.phase, { kind: 'rest', afterSet: 0, startedAt: T0 + 6_500 });
  assert.equal(s.stoppedEarly, 'none', 'letting go of one hold is not ending the session');
});

test('letting go in the last set goes to pain after', () => {
  const s = letGo(at({ kind: 'hold', set: 2, startedAt: T0 }, [10, 10]), plan, T0 + 2_000);
  assert.deepEqual(s.held, [10, 10, 2]);
  assert.deepEqual(s.phase, { kind: 'pain-after' });
});

test('letting go outside a hold does nothing', () => {
  const s = at({ kind: 'rest', afterSet: 0, startedAt: T0 }, [10]);
  assert.equal(letGo(s, plan, T0 + 1000), s);
});

test('skipping the rest starts the next countdown now; skipping the countdown starts the hold now', () => {
  const rest = at({ kind: 'rest', afterSet: 1, startedAt: T0 }, [10, 10]);
  assert.deepEqual(skipWait(rest, T0 + 3_000).phase, { kind: 'countdown', set: 2, startedAt: T0 + 3_000 });
  const countdown = at({ kind: 'countdown', set: 1, startedAt: T0 }, [10]);
  assert.deepEqual(skipWait(countdown, T0 + 1_000).phase, { kind: 'hold', set: 1, startedAt: T0 + 1_000 });
});

test('skipping does nothing in the hold or in the phases that wait for the user', () => {
  for (const phase of [
    { kind: 'hold', set: 0, startedAt: T0 },
    { kind: 'step', index: 0 },
    { kind: 'pain-after' },
  ] as const) {
    const s = at(phase);
    assert.equal(skipWait(s, T0 + 1_000), s, phase.kind);
  }
});

test('ending early keeps what was done, counts a hold in progress, and still asks pain after', () => {
  const inHold = endEarly(at({ kind: 'hold', set: 1, startedAt: T0 }, [10]), plan, T0 + 4_200);
  assert.deepEqual(inHold.held, [10, 4]);
  assert.equal(inHold.stoppedEarly, 'other');
  assert.deepEqual(inHold.phase, { kind: 'pain-after' });

  const inRest = endEarly(at({ kind: 'rest', afterSet: 0, startedAt: T0 }, [10]), plan, T0 + 4_200);
  assert.deepEqual(inRest.held, [10], 'a rest adds no hold');
});

test('stopping for pain ends at once, from any phase, keeping the holds and asking nothing more', () => {
  const inHold = stopForPain(at({ kind: 'hold', set: 0, startedAt: T0 }), plan, T0 + 3_000);
  assert.deepEqual(inHold.held, [3]);
  assert.equal(inHold.stoppedEarly, 'pain');
  assert.deepEqual(inHold.phase, { kind: 'ended' });
  assert.equal(inHold.painAfter, null);

  const inStep = stopForPain(at({ kind: 'step', index: 1 }), plan, T0);
  assert.deepEqual(inStep.held, []);
  assert.deepEqual(inStep.phase, { kind: 'ended' });

  const inCountdown = stopForPain(at({ kind: 'countdown', set: 1, startedAt: T0 }, [10]), plan, T0 + 1_000);
  assert.deepEqual(inCountdown.held, [10]);
});

test('pain after is kept and ends the session', () => {
  const s = setPainAfter(at({ kind: 'pain-after' }, [10, 10, 10]), 3);
  assert.equal(s.painAfter, 3);
  assert.deepEqual(s.phase, { kind: 'ended' });
});

test('the body of a whole session is what the API accepts', () => {
  let s = advance(toFirstCountdown(T0), plan, T0 + 10 * 60_000).state;
  s = setPainAfter(s, 1);
  const body = sessionBody(s, plan);
  assert.deepEqual(body, {
    variant: 'chair',
    plannedSets: 3,
    plannedHoldSeconds: 10,
    achievedHoldSeconds: [10, 10, 10],
    painBefore: 2,
    painAfter: 1,
    stoppedEarly: 'none',
  });
  assert.equal(exerciseSessionBody.safeParse(body).success, true);
});

test('the body of a session stopped for pain has no pain after and the early stop', () => {
  const s = stopForPain(at({ kind: 'hold', set: 1, startedAt: T0 }, [10]), plan, T0 + 2_000);
  const body = sessionBody(s, plan);
  assert.deepEqual(body.achievedHoldSeconds, [10, 2]);
  assert.equal(body.painAfter, null);
  assert.equal(body.stoppedEarly, 'pain');
  assert.equal(exerciseSessionBody.safeParse(body).success, true);
});

test('the body never sends more holds than planned sets', () => {
  const s = at({ kind: 'ended' }, [10, 10, 10, 10]);
  assert.deepEqual(sessionBody(s, plan).achievedHoldSeconds, [10, 10, 10]);
});
