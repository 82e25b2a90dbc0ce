import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFloorBoat, FLOOR_BOAT_CUES, type FloorBoatCheckId } from './floor-boat.js';
import { stickFigure, type StickFigureSpec } from '../testing/stick-figure.js';

/**
 * A good floor boat pose: on the floor (feet and hips at one height), knees up (thighs 50 degrees,
 * knee 80), chest lifted 35 degrees back, arms reaching forward, hands off the shins.
 */
const GOOD: Omit<StickFigureSpec, 'facing'> = {
  trunkBackDeg: 35,
  thighElevationDeg: 50,
  kneeDeg: 80,
  armElevationDeg: 0,
};
const EXACT = { uprightTrunkDeg: 0 };

/** Hands on the shins: trunk 22 back and straight arms angled 25 degrees down reach mid-shin. */
const HOLDING: Partial<StickFigureSpec> = { trunkBackDeg: 22, armElevationDeg: -25 };

const FAILS: readonly {
  name: string;
  change: Partial<StickFigureSpec>;
  check: FloorBoatCheckId;
  cue: string;
}[] = [
  {
    name: 'on a chair',
    change: { thighElevationDeg: 0, kneeDeg: 90 },
    check: 'seated_low',
    cue: FLOOR_BOAT_CUES.seatedLow,
  },
  { name: 'feet lifted', change: { kneeDeg: 110 }, check: 'feet_down', cue: FLOOR_BOAT_CUES.feetDown },
  {
    name: 'legs too straight',
    change: { thighElevationDeg: 20, kneeDeg: 140 },
    check: 'knees_bent',
    cue: FLOOR_BOAT_CUES.kneesBent,
  },
  {
    name: 'sitting upright',
    change: { trunkBackDeg: 10 },
    check: 'chest_lifted',
    cue: FLOOR_BOAT_CUES.leanBackMore,
  },
  {
    name: 'lying back',
    change: { trunkBackDeg: 60 },
    check: 'chest_lifted',
    cue: FLOOR_BOAT_CUES.leanBackLess,
  },
  { name: 'holding the shins', change: HOLDING, check: 'hands_released', cue: FLOOR_BOAT_CUES.letGo },
  {
    name: 'far hand still on the shin',
    change: { trunkBackDeg: 22, farArmElevationDeg: -25 },
    check: 'hands_released',
    cue: FLOOR_BOAT_CUES.letGo,
  },
];

for (const facing of ['left', 'right'] as const) {
  test(`floor boat facing ${facing}: the good pose passes, with and without noise`, () => {
    for (const seed of [undefined, 1, 2, 3, 4, 5, 6, 7, 8]) {
      const r = analyzeFloorBoat(
        stickFigure({ ...GOOD, facing, ...(seed === undefined ? {} : { noise: { seed, sdPx: 2 } }) }),
        EXACT,
      );
      assert.equal(r.kind, 'judged');
      if (r.kind !== 'judged') return;
      assert.deepEqual(
        r.checks.filter((c) => c.status !== 'pass').map((c) => c.id),
        [],
        `seed ${seed}`,
      );
      assert.equal(r.allPass, true);
    }
  });

  for (const c of FAILS) {
    test(`floor boat facing ${facing}: ${c.name} -> fix ${c.check}`, () => {
      const r = analyzeFloorBoat(
        stickFigure({ ...GOOD, ...c.change, facing, noise: { seed: 5, sdPx: 1 } }),
        EXACT,
      );
      assert.equal(r.kind, 'judged');
      if (r.kind !== 'judged') return;
      assert.deepEqual(
        r.checks.filter((x) => x.status === 'fix').map((x) => x.id),
        [c.check],
      );
      assert.equal(r.cue, c.cue);
    });
  }

  test(`floor boat facing ${facing}: hips or knees not seen -> cannot see`, () => {
    const r = analyzeFloorBoat(stickFigure({ ...GOOD, facing, missing: ['left_knee', 'right_knee'] }), EXACT);
    assert.equal(r.kind, 'cannot_see');
    if (r.kind === 'cannot_see') assert.deepEqual(r.missing, [`${facing}_knee`]);
  });
}

test('floor boat: arms reaching forward past the knees are not mistaken for holding the shins', () => {
  // Side-on, the wrists pass right by the knees; they are not along the shin.
  for (const armElevationDeg of [-10, 0, 10]) {
    const r = analyzeFloorBoat(stickFigure({ ...GOOD, facing: 'left', armElevationDeg }), EXACT);
    assert.equal(r.kind === 'judged' && r.checks.find((c) => c.id === 'hands_released')?.status, 'pass');
  }
});
