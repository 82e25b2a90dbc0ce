import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../time/local-date.js';
import { RED_FLAG_IDS } from '../screening/red-flags.js';
import { triage, type RedFlagAnswers } from '../screening/triage.js';
import { dailyPlan, type DailyPlanInput, type PlanItem } from '../plan/daily-plan.js';
import { programmeChangeBody } from '../contract/clinician.js';
import {
  clinicianDirectives,
  NO_DIRECTIVES,
  type DatedProgrammeChange,
  type ProgrammeChangeInput,
} from './clinician-directives.js';
import { progressionState } from './progression.js';
import type { ExerciseSessionRecord } from './session-record.js';

const START = '2026-03-01';
const day = (n: number) => addDays(START, n - 1);
const at = (n: number, change: ProgrammeChangeInput): DatedProgrammeChange => ({ date: day(n), change });

function good(n: number, hold: number, variant: 'chair' | 'floor' = 'chair'): ExerciseSessionRecord {
  return {
    variant,
    date: day(n),
    plannedSets: 3,
    plannedHoldSeconds: hold,
    achievedHoldSeconds: [hold, hold, hold],
    painBefore: 2,
    painAfter: 2,
    stoppedEarly: 'none',
  };
}
const stop = (n: number, hold: number): ExerciseSessionRecord => ({
  ...good(n, hold),
  achievedHoldSeconds: [3],
  painBefore: null,
  painAfter: null,
  stoppedEarly: 'pain',
});

/** Good chair sessions on days from..to, each at the level the rules (with `changes`) plan that day. */
function run(from: number, to: number, changes: DatedProgrammeChange[] = []): ExerciseSessionRecord[] {
  const out: ExerciseSessionRecord[] = [];
  for (let n = from; n <= to; n++) {
    const known = changes.filter((c) => c.date <= day(n));
    const { level } = progressionState(out, { stayOnChair: true }, clinicianDirectives(known)).byVariant
      .chair;
    out.push(good(n, level.holdSeconds));
  }
  return out;
}

test('the change log folds into holds with their spans, the floor setting and the stress item', () => {
  const d = clinicianDirectives([
    at(2, { kind: 'hold_level', variant: 'chair', level: 2 }),
    at(5, { kind: 'hold_level', variant: 'chair', level: 3 }),
    at(8, { kind: 'release_hold' }),
    at(9, { kind: 'floor', setting: 'withheld' }),
    at(10, { kind: 'stress_item', on: true }),
    at(11, { kind: 'message', text: 'Well done' }),
  ]);
  assert.deepEqual(d.holds, [
    { variant: 'chair', level: 2, from: day(2), until: day(5) },
    { variant: 'chair', level: 3, from: day(5), until: day(8) },
  ]);
  assert.equal(d.floor, 'withheld');
  assert.equal(d.floorSince, day(9));
  assert.equal(d.extraStressPractice, true);
  const back = clinicianDirectives([
    at(9, { kind: 'floor', setting: 'allowed' }),
    at(10, { kind: 'floor', setting: 'member' }),
    at(10, { kind: 'stress_item', on: true }),
    at(12, { kind: 'stress_item', on: false }),
  ]);
  assert.deepEqual([back.floor, back.floorSince, back.extraStressPractice], [null, null, false]);
});

test('a hold keeps the member at its level however many good days follow', () => {
  const changes = [at(1, { kind: 'hold_level', variant: 'chair', level: 2 } as const)];
  const history = run(1, 15, changes);
  const held = progressionState(history, { stayOnChair: true }, clinicianDirectives(changes)).byVariant.chair;
  assert.equal(held.level.level, 2);
  assert.equal(held.heldAt, 2);
  assert.equal(held.goodSessionsToAdvance, null);
  assert.equal(held.isTopLevel, false);
  // The same history without the hold would have gone further: the input is what held it.
  assert.ok(progressionState(history, { stayOnChair: true }).byVariant.chair.level.level > 2);
});

test('a hold below the current level brings the member down to it', () => {
  const history = run(1, 9); // level 4 after nine good days
  assert.equal(progressionState(history, { stayOnChair: true }).level.level, 4);
  const d = clinicianDirectives([at(10, { kind: 'hold_level', variant: 'chair', level: 2 })]);
  const state = progressionState(history, { stayOnChair: true }, d);
  assert.deepEqual([state.level.level, state.level.holdSeconds, state.heldAt], [2, 15, 2]);
});

test('after a release the member moves up one level at a time, not all the held days at once', () => {
  const hold = at(1, { kind: 'hold_level', variant: 'chair', level: 1 } as const);
  const release = at(10, { kind: 'release_hold' } as const);
  const history = run(1, 10, [hold, release]);
  const state = progressionState(history, { stayOnChair: true }, clinicianDirectives([hold, release]));
  // Days 1-9 held at level 1; day 10, free again, is the one step up.
  assert.equal(state.level.level, 2);
  assert.equal(state.heldAt, null);
});

test('a hold never stops a step back for pain', () => {
  const changes = [at(1, { kind: 'hold_level', variant: 'chair', level: 3 } as const)];
  const history = [...run(1, 6, changes), stop(7, 20)];
  const state = progressionState(history, { stayOnChair: true }, clinicianDirectives(changes));
  assert.equal(state.level.level, 2);
  assert.equal(state.lastChange?.kind, 'stepped_back');
});

test('floor withheld keeps the member on the chair even once they are ready for it', () => {
  const history = run(1, 9); // six good chair days and chair level 3: the floor is the member's own
  assert.equal(progressionState(history, { stayOnChair: false }).variant, 'floor');
  const d = clinicianDirectives([at(10, { kind: 'floor', setting: 'withheld' })]);
  const state = progressionState(history, { stayOnChair: false }, d);
  assert.equal(state.variant, 'chair');
  assert.equal(state.floorUnlocked, false);
  assert.equal(state.floorSetting, 'withheld');
});

test('floor allowed opens it before the member’s own unlock, and the wish to stay on the chair still stands', () => {
  const history = run(1, 2);
  const d = clinicianDirectives([at(3, { kind: 'floor', setting: 'allowed' })]);
  const state = progressionState(history, { stayOnChair: false }, d);
  assert.deepEqual([state.variant, state.floorUnlocked, state.floorUnlockedOn], ['floor', true, day(3)]);
  assert.equal(progressionState(history, { stayOnChair: true }, d).variant, 'chair');
  assert.equal(progressionState(history, { stayOnChair: false }).variant, 'chair');
});

const clearAnswers = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, false])) as RedFlagAnswers;
function planInput(overrides: Partial<DailyPlanInput>): DailyPlanInput {
  return {
    today: day(12),
    startDate: START,
    latestScreening: { outcome: triage(clearAnswers), date: day(1), answers: clearAnswers },
    clearScreeningDates: [day(1)],
    clearances: [],
    recentCheckins: [],
    baselineWeekAverage: 3,
    lessonsRead: [],
    exerciseHistory: [],
    exercisePrefs: { stayOnChair: false },
    latestCheckinDate: null,
    walkingBreaks: { taken: 0, goal: 6 },
    ...overrides,
  };
}
const exercise = (items: readonly PlanItem[]) => items.find((i) => i.kind === 'exercise');

test('the daily plan follows a hold and the floor setting', () => {
  const history = run(1, 9);
  const d = clinicianDirectives([
    at(10, { kind: 'hold_level', variant: 'chair', level: 2 }),
    at(10, { kind: 'floor', setting: 'withheld' }),
  ]);
  const plan = dailyPlan(planInput({ exerciseHistory: history, clinician: d }));
  assert.equal(plan.status, 'ready');
  const ex = exercise(plan.items);
  assert.ok(ex?.kind === 'exercise');
  assert.deepEqual([ex.variant, ex.holdSeconds], ['chair', 15]);
  const free = exercise(dailyPlan(planInput({ exerciseHistory: history })).items);
  assert.ok(free?.kind === 'exercise');
  assert.equal(free.variant, 'floor');
});

test('the extra stress item is on the plan while the clinician keeps it on', () => {
  const on = clinicianDirectives([at(2, { kind: 'stress_item', on: true })]);
  const plan = dailyPlan(planInput({ clinician: on, stressSessionsToday: 0 }));
  const stress = plan.items.find((i) => i.kind === 'stress');
  assert.ok(stress);
  assert.equal(stress.done, false);
  assert.equal(
    dailyPlan(planInput({ clinician: on, stressSessionsToday: 1 })).items.find((i) => i.kind === 'stress')
      ?.done,
    true,
  );
  assert.equal(
    dailyPlan(planInput({ clinician: NO_DIRECTIVES })).items.find((i) => i.kind === 'stress'),
    undefined,
  );
});

test('floor allowed bypasses neither the safety pause nor the screening', () => {
  const allowed = clinicianDirectives([at(2, { kind: 'floor', setting: 'allowed' })]);
  const paused = dailyPlan(planInput({ exerciseHistory: [stop(10, 10), stop(11, 10)], clinician: allowed }));
  assert.equal(paused.status, 'blocked');
  assert.equal(paused.status === 'blocked' && paused.reason.code, 'safety_pause');
  const flagged = { ...clearAnswers, [RED_FLAG_IDS[0]]: true } as RedFlagAnswers;
  const notClear = dailyPlan(
    planInput({
      latestScreening: { outcome: triage(flagged), date: day(11), answers: flagged },
      clinician: allowed,
    }),
  );
  assert.equal(notClear.status, 'blocked');
  assert.equal(notClear.status === 'blocked' && notClear.reason.code, 'screening_not_clear');
});

test('the change body: levels of the version, a message of at most 500 characters, nothing else', () => {
  assert.ok(programmeChangeBody.safeParse({ kind: 'hold_level', variant: 'chair', level: 5 }).success);
  assert.equal(
    programmeChangeBody.safeParse({ kind: 'hold_level', variant: 'floor', level: 4 }).success,
    false,
  );
  assert.equal(
    programmeChangeBody.safeParse({ kind: 'hold_level', variant: 'chair', level: 0 }).success,
    false,
  );
  assert.ok(programmeChangeBody.safeParse({ kind: 'message', text: 'x'.repeat(500) }).success);
  assert.equal(programmeChangeBody.safeParse({ kind: 'message', text: 'x'.repeat(501) }).success, false);
  assert.equal(programmeChangeBody.safeParse({ kind: 'message', text: '   ' }).success, false);
  assert.equal(programmeChangeBody.safeParse({ kind: 'floor', setting: 'maybe' }).success, false);
  assert.equal(programmeChangeBody.safeParse({ kind: 'release_hold', extra: 1 }).success, false);
  assert.equal(programmeChangeBody.safeParse({ kind: 'delete_member' }).success, false);
});
