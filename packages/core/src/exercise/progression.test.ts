import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../time/local-date.js';
import {
  CHAIR_LEVEL_TO_UNLOCK_FLOOR,
  GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR,
  GOOD_DAYS_TO_ADVANCE,
  levelsOf,
  PROGRESSION_TABLE,
  progressionState,
  type ProgressionPrefs,
} from './progression.js';
import type { ExerciseSessionRecord } from './session-record.js';
import type { ExerciseVariant } from './variants.js';

const START = '2026-03-01';
const day = (n: number) => addDays(START, n - 1);

/** A session on day `n` planned at 3 x `hold` seconds; `kind` shapes its outcome. */
function s(
  n: number,
  kind: 'good' | 'rise' | 'stop' | 'short' | 'other',
  hold = 10,
  variant: ExerciseVariant = 'chair',
): ExerciseSessionRecord {
  const full = [hold, hold, hold];
  return {
    variant,
    date: day(n),
    plannedSets: 3,
    plannedHoldSeconds: hold,
    achievedHoldSeconds:
      kind === 'short' ? [hold, hold - 3, hold] : kind === 'stop' || kind === 'other' ? [hold] : full,
    painBefore: 3,
    painAfter: kind === 'rise' ? 5 : 3,
    stoppedEarly: kind === 'stop' ? 'pain' : kind === 'other' ? 'other' : 'none',
  };
}

/** Good chair sessions on days from..to, each at the level the rules would plan for that day. */
function goodChairRun(from: number, to: number): ExerciseSessionRecord[] {
  const out: ExerciseSessionRecord[] = [];
  for (let n = from; n <= to; n++) {
    const { level } = progressionState(out, { stayOnChair: true }).byVariant.chair;
    out.push(s(n, 'good', level.holdSeconds));
  }
  return out;
}

/** Six good chair days, but a stop for pain on day 4 sends level 2 back to 1: level 2 at the end. */
const SIX_DAYS_AT_LEVEL_TWO = [
  ...[1, 2, 3].map((n) => s(n, 'good')),
  s(4, 'stop', 15),
  ...[5, 6, 7].map((n) => s(n, 'good')),
];
/** Chair level 3 on only five days: two sessions on day 3 (the second counts towards level 3). */
const LEVEL_THREE_ON_FIVE_DAYS = [
  ...[1, 2, 3].map((n) => s(n, 'good')),
  ...[3, 4, 5].map((n) => s(n, 'good', 15)),
];

const AUTO: ProgressionPrefs = { stayOnChair: false };
const CHAIR: ProgressionPrefs = { stayOnChair: true };

test('the rule table is exactly the documented one', () => {
  assert.deepEqual(
    PROGRESSION_TABLE.map((l) => `${l.variant} ${l.level}: ${l.sets}x${l.holdSeconds}`),
    [
      'chair 1: 3x10',
      'chair 2: 3x15',
      'chair 3: 3x20',
      'chair 4: 3x25',
      'chair 5: 3x30',
      'floor 1: 3x10',
      'floor 2: 3x15',
      'floor 3: 3x20',
    ],
  );
  assert.equal(GOOD_DAYS_TO_ADVANCE, 3);
  assert.equal(GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR, 6);
  assert.equal(CHAIR_LEVEL_TO_UNLOCK_FLOOR, 3);
});

test('levelsOf numbers each variant from 1 in steps of one', () => {
  for (const v of ['chair', 'floor'] as const) {
    assert.deepEqual(
      levelsOf(v).map((l) => l.level),
      levelsOf(v).map((_, i) => i + 1),
    );
  }
});

interface Case {
  name: string;
  history: ExerciseSessionRecord[];
  prefs?: ProgressionPrefs;
  expect: {
    variant: ExerciseVariant;
    hold: number;
    good: number;
    floorUnlocked?: boolean;
    toAdvance?: number | null;
  };
}

const cases: Case[] = [
  {
    name: 'a new user starts on the chair at 3 x 10 s',
    history: [],
    expect: { variant: 'chair', hold: 10, good: 0, floorUnlocked: false, toAdvance: 3 },
  },
  {
    name: 'two good days: still level 1',
    history: [s(1, 'good'), s(2, 'good')],
    expect: { variant: 'chair', hold: 10, good: 2, toAdvance: 1 },
  },
  {
    name: 'three good days: up to 3 x 15 s, count restarts',
    history: [s(1, 'good'), s(2, 'good'), s(3, 'good')],
    expect: { variant: 'chair', hold: 15, good: 0, toAdvance: 3 },
  },
  {
    name: 'three good sessions on one day count once',
    history: [s(1, 'good'), s(1, 'good'), s(1, 'good')],
    expect: { variant: 'chair', hold: 10, good: 1 },
  },
  {
    name: 'three good sessions on two days count twice',
    history: [s(1, 'good'), s(1, 'good'), s(2, 'good')],
    expect: { variant: 'chair', hold: 10, good: 2 },
  },
  {
    name: 'good sessions planned easier than the current level do not count',
    history: [s(1, 'good'), s(2, 'good'), s(3, 'good'), s(4, 'good', 10), s(5, 'good', 10), s(6, 'good', 10)],
    prefs: CHAIR,
    expect: { variant: 'chair', hold: 15, good: 0 },
  },
  {
    name: 'good sessions with fewer sets than the level do not count',
    history: [1, 2, 3].map((n) => ({ ...s(n, 'good'), plannedSets: 2, achievedHoldSeconds: [10, 10] })),
    expect: { variant: 'chair', hold: 10, good: 0 },
  },
  {
    name: 'a session planned harder than the level counts',
    history: [s(1, 'good', 20), s(2, 'good', 20), s(3, 'good', 20)],
    expect: { variant: 'chair', hold: 15, good: 0 },
  },
  {
    name: 'pain up 2+ steps back one level',
    history: [s(1, 'good'), s(2, 'good'), s(3, 'good'), s(4, 'rise', 15)],
    expect: { variant: 'chair', hold: 10, good: 0 },
  },
  {
    name: 'stop for pain steps back one level',
    history: [s(1, 'good'), s(2, 'good'), s(3, 'good'), s(4, 'stop', 15)],
    expect: { variant: 'chair', hold: 10, good: 0 },
  },
  {
    name: 'a painful session at level 1 stays at level 1 and restarts the count',
    history: [s(1, 'good'), s(2, 'good'), s(3, 'rise'), s(4, 'good')],
    expect: { variant: 'chair', hold: 10, good: 1 },
  },
  {
    name: 'a hold cut short is neutral: no count, no reset',
    history: [s(1, 'good'), s(2, 'good'), s(3, 'short'), s(4, 'good')],
    expect: { variant: 'chair', hold: 15, good: 0 },
  },
  {
    name: 'stopped for another reason is neutral',
    history: [s(1, 'good'), s(2, 'other'), s(3, 'good')],
    expect: { variant: 'chair', hold: 10, good: 2 },
  },
  {
    name: 'a painful session even when planned easier still steps back',
    history: [s(1, 'good'), s(2, 'good'), s(3, 'good'), s(4, 'stop', 10)],
    expect: { variant: 'chair', hold: 10, good: 0 },
  },
  {
    name: 'twelve good days on the chair reach the top, 3 x 30 s',
    history: goodChairRun(1, 12),
    prefs: CHAIR,
    expect: { variant: 'chair', hold: 30, good: 0, toAdvance: null },
  },
  {
    name: 'at the top the count runs on but nothing changes',
    history: goodChairRun(1, 16),
    prefs: CHAIR,
    expect: { variant: 'chair', hold: 30, good: 4, toAdvance: null },
  },
  {
    name: 'pain at the top steps back to 3 x 25 s',
    history: [...goodChairRun(1, 12), s(13, 'rise', 30)],
    prefs: CHAIR,
    expect: { variant: 'chair', hold: 25, good: 0 },
  },
  {
    name: 'five good chair days: floor still locked',
    history: goodChairRun(1, 5),
    expect: { variant: 'chair', hold: 15, good: 2, floorUnlocked: false },
  },
  {
    name: 'six good chair days: floor unlocked and next session is floor 3 x 10 s',
    history: goodChairRun(1, 6),
    expect: { variant: 'floor', hold: 10, good: 0, floorUnlocked: true },
  },
  {
    name: 'six good chair days, staying on the chair: chair 3 x 20 s',
    history: goodChairRun(1, 6),
    prefs: CHAIR,
    expect: { variant: 'chair', hold: 20, good: 0, floorUnlocked: true },
  },
  {
    name: 'six good chair sessions on five days do not unlock the floor',
    history: [...goodChairRun(1, 5), s(5, 'good', 15)],
    expect: { variant: 'chair', floorUnlocked: false, hold: 15, good: 2 },
  },
  {
    name: 'six good chair days that never reached chair level 3 do not unlock the floor',
    history: SIX_DAYS_AT_LEVEL_TWO,
    expect: { variant: 'chair', hold: 15, good: 0, floorUnlocked: false },
  },
  {
    name: 'unlock counts good days at any level: pain in between delays level 3 but cancels no day',
    history: [...SIX_DAYS_AT_LEVEL_TWO, ...[8, 9, 10].map((n) => s(n, 'good', 15))],
    expect: { variant: 'floor', hold: 10, good: 0, floorUnlocked: true },
  },
  {
    name: 'chair level 3 reached on five days (two sessions on one day) does not unlock the floor',
    history: LEVEL_THREE_ON_FIVE_DAYS,
    expect: { variant: 'chair', hold: 20, good: 0, floorUnlocked: false },
  },
  {
    name: 'chair level 3 and then a sixth good day unlock the floor',
    history: [...LEVEL_THREE_ON_FIVE_DAYS, s(6, 'good', 20)],
    expect: { variant: 'floor', hold: 10, good: 0, floorUnlocked: true },
  },
  {
    name: 'a step back on the chair after the unlock does not lock the floor again',
    history: [...goodChairRun(1, 6), s(7, 'rise', 20)],
    prefs: CHAIR,
    expect: { variant: 'chair', hold: 15, good: 0, floorUnlocked: true },
  },
  {
    name: 'three good floor days: floor 3 x 15 s',
    history: [
      ...goodChairRun(1, 6),
      s(7, 'good', 10, 'floor'),
      s(8, 'good', 10, 'floor'),
      s(9, 'good', 10, 'floor'),
    ],
    expect: { variant: 'floor', hold: 15, good: 0 },
  },
  {
    name: 'floor tops out at 3 x 20 s',
    history: [
      ...goodChairRun(1, 6),
      ...[7, 8, 9].map((n) => s(n, 'good', 10, 'floor')),
      ...[10, 11, 12, 13].map((n) => s(n, 'good', 15, 'floor')),
      ...[14, 15].map((n) => s(n, 'good', 20, 'floor')),
    ],
    expect: { variant: 'floor', hold: 20, good: 2, toAdvance: null },
  },
  {
    name: 'pain on the floor at level 1 stays on the floor at level 1',
    history: [...goodChairRun(1, 6), s(7, 'stop', 10, 'floor')],
    expect: { variant: 'floor', hold: 10, good: 0, floorUnlocked: true },
  },
  {
    name: 'same-day order decides: good then painful ends one level down',
    history: [s(1, 'good'), s(2, 'good'), s(3, 'good'), s(3, 'rise', 15)],
    expect: { variant: 'chair', hold: 10, good: 0 },
  },
  {
    name: 'same-day order decides: painful then good stays and counts one',
    history: [s(1, 'good'), s(2, 'good'), s(3, 'rise'), s(3, 'good')],
    expect: { variant: 'chair', hold: 10, good: 1 },
  },
];

for (const c of cases) {
  test(`progression: ${c.name}`, () => {
    const st = progressionState(c.history, c.prefs ?? AUTO);
    assert.equal(st.variant, c.expect.variant, 'variant');
    assert.equal(st.level.variant, c.expect.variant, 'level belongs to the variant');
    assert.equal(st.level.sets, 3, 'sets');
    assert.equal(st.level.holdSeconds, c.expect.hold, 'hold seconds');
    assert.equal(st.goodSessionsAtLevel, c.expect.good, 'good sessions at level');
    if (c.expect.floorUnlocked !== undefined)
      assert.equal(st.floorUnlocked, c.expect.floorUnlocked, 'floor unlocked');
    if (c.expect.toAdvance !== undefined)
      assert.equal(st.goodSessionsToAdvance, c.expect.toAdvance, 'to advance');
    assert.equal(st.isTopLevel, st.goodSessionsToAdvance === null);
  });
}

test('history order does not matter across days', () => {
  const history = [
    s(1, 'good'),
    s(2, 'good'),
    s(3, 'good'),
    s(4, 'good', 15),
    s(5, 'rise', 15),
    s(6, 'good'),
  ];
  const shuffled = [history[4], history[0], history[5], history[2], history[1], history[3]].filter(
    (x): x is ExerciseSessionRecord => x !== undefined,
  );
  assert.deepEqual(progressionState(shuffled, AUTO), progressionState(history, AUTO));
  assert.equal(progressionState(history, AUTO).level.holdSeconds, 10);
});

test('lastChange reports the latest move with its date and levels', () => {
  assert.equal(progressionState([s(1, 'good')], AUTO).lastChange, null);
  const up = progressionState([s(1, 'good'), s(2, 'good'), s(3, 'good')], AUTO).lastChange;
  assert.equal(up?.kind, 'advanced');
  assert.equal(up?.date, day(3));
  assert.equal(up?.from.holdSeconds, 10);
  assert.equal(up?.to.holdSeconds, 15);
  const back = progressionState(
    [s(1, 'good'), s(2, 'good'), s(3, 'good'), s(5, 'stop', 15)],
    AUTO,
  ).lastChange;
  assert.deepEqual(
    [back?.kind, back?.date, back?.from.holdSeconds, back?.to.holdSeconds],
    ['stepped_back', day(5), 15, 10],
  );
  // Pain at level 1 moves nothing, so the last change is still the earlier one (none here).
  assert.equal(progressionState([s(1, 'rise')], AUTO).lastChange, null);
});

test('chair and floor keep their own levels', () => {
  const history = [...goodChairRun(1, 6), ...[7, 8, 9].map((n) => s(n, 'good', 10, 'floor'))];
  const onFloor = progressionState(history, AUTO);
  assert.equal(onFloor.byVariant.chair.level.holdSeconds, 20);
  assert.equal(onFloor.byVariant.floor.level.holdSeconds, 15);
  const backOnChair = progressionState(history, CHAIR);
  assert.equal(backOnChair.variant, 'chair');
  assert.equal(backOnChair.level.holdSeconds, 20);
  assert.equal(backOnChair.floorUnlocked, true);
});

test('floorUnlockedOn is the later of the sixth good chair day and the day chair level 3 was reached', () => {
  assert.equal(progressionState(goodChairRun(1, 5), AUTO).floorUnlockedOn, null);
  // Both on day 6.
  assert.equal(progressionState(goodChairRun(1, 6), AUTO).floorUnlockedOn, day(6));
  // Level 3 on day 5, sixth good day on day 6.
  assert.equal(progressionState(LEVEL_THREE_ON_FIVE_DAYS, AUTO).floorUnlockedOn, null);
  assert.equal(
    progressionState([...LEVEL_THREE_ON_FIVE_DAYS, s(6, 'good', 20)], AUTO).floorUnlockedOn,
    day(6),
  );
  // Six good days by day 7, level 3 only on day 10.
  assert.equal(progressionState(SIX_DAYS_AT_LEVEL_TWO, AUTO).floorUnlockedOn, null);
  const reached = [...SIX_DAYS_AT_LEVEL_TWO, ...[8, 9, 10].map((n) => s(n, 'good', 15))];
  assert.equal(progressionState(reached, AUTO).floorUnlockedOn, day(10));
  assert.equal(progressionState(reached, AUTO).byVariant.chair.highestLevel, 3);
  assert.equal(progressionState([...reached, s(11, 'rise', 20)], CHAIR).byVariant.chair.highestLevel, 3);
});

test('goodChairDays counts distinct days with a good chair session', () => {
  assert.equal(
    progressionState([s(1, 'good'), s(1, 'good'), s(2, 'short'), s(3, 'good')], AUTO).goodChairDays,
    2,
  );
  assert.equal(progressionState([s(1, 'good', 10, 'floor')], AUTO).goodChairDays, 0);
});
