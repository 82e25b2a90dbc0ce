import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeChairBoat, CHAIR_BOAT_CUES, type ChairBoatCheckId } from './chair-boat.js';
import { CAMERA_ADVICE } from './side-view.js';
import { stickFigure, type StickFigureSpec } from '../testing/stick-figure.js';

/** A good chair boat pose: trunk 25 degrees back, thighs level, shins down, arms straight ahead. */
const GOOD: Omit<StickFigureSpec, 'facing'> = {
  trunkBackDeg: 25,
  thighElevationDeg: 0,
  kneeDeg: 90,
  armElevationDeg: 0,
  elbowDeg: 180,
};
// Stick figures are exact geometry: their upright trunk reads 0, not MoveNet's seated offset.
const EXACT = { uprightTrunkDeg: 0 };

interface FailCase {
  readonly name: string;
  readonly change: Partial<StickFigureSpec>;
  readonly check: ChairBoatCheckId;
  readonly cue: string;
  /** Checks that rightly fail along with it (after it in cue order). */
  readonly alsoFix?: readonly ChairBoatCheckId[];
}

/** One case per way to get it wrong; each changes the good pose so that only that check fails. */
const FAILS: readonly FailCase[] = [
  {
    name: 'feet lifted',
    change: { thighElevationDeg: 20, kneeDeg: 120 },
    check: 'feet_down',
    cue: CHAIR_BOAT_CUES.feetDown,
  },
  {
    name: 'legs stretched out',
    change: { thighElevationDeg: -40, kneeDeg: 150 },
    check: 'knees_bent',
    cue: CHAIR_BOAT_CUES.kneesBent,
  },
  {
    name: 'trunk upright',
    change: { trunkBackDeg: 5 },
    check: 'trunk_lean',
    cue: CHAIR_BOAT_CUES.leanBackMore,
  },
  {
    name: 'trunk only tilted back, well short of the backrest',
    change: { trunkBackDeg: 15 },
    check: 'trunk_lean',
    cue: CHAIR_BOAT_CUES.leanBackMore,
  },
  {
    name: 'trunk leaning forward (closes the hips too)',
    change: { trunkBackDeg: -10 },
    check: 'trunk_lean',
    cue: CHAIR_BOAT_CUES.leanBackMore,
    alsoFix: ['hip_open'],
  },
  {
    name: 'leaning back onto the backrest',
    change: { trunkBackDeg: 55 },
    check: 'trunk_lean',
    cue: CHAIR_BOAT_CUES.leanBackLess,
  },
  {
    name: 'hips closed by raised knees',
    change: { trunkBackDeg: 22, thighElevationDeg: 25, kneeDeg: 75 },
    check: 'hip_open',
    cue: CHAIR_BOAT_CUES.hipOpen,
  },
  {
    name: 'arms too low',
    change: { armElevationDeg: -35 },
    check: 'arms_forward',
    cue: CHAIR_BOAT_CUES.armsUp,
  },
  {
    name: 'arms too high',
    change: { armElevationDeg: 35 },
    check: 'arms_forward',
    cue: CHAIR_BOAT_CUES.armsDown,
  },
  {
    name: 'arms hanging back',
    change: { armElevationDeg: -120 },
    check: 'arms_forward',
    cue: CHAIR_BOAT_CUES.armsAhead,
  },
  {
    name: 'elbows bent',
    change: { armElevationDeg: -10, elbowDeg: 120 },
    check: 'arms_straight',
    cue: CHAIR_BOAT_CUES.armsStraight,
  },
  {
    name: 'arms not parallel',
    change: { farArmElevationDeg: 25 },
    check: 'arms_parallel',
    cue: CHAIR_BOAT_CUES.armsParallel,
  },
];

for (const facing of ['left', 'right'] as const) {
  test(`chair boat facing ${facing}: the good pose passes every check, with and without noise`, () => {
    for (const seed of [undefined, 1, 2, 3, 4, 5, 6, 7, 8]) {
      const pose = stickFigure({
        ...GOOD,
        facing,
        ...(seed === undefined ? {} : { noise: { seed, sdPx: 2 } }),
      });
      const r = analyzeChairBoat(pose, EXACT);
      assert.equal(r.kind, 'judged');
      if (r.kind !== 'judged') return;
      assert.deepEqual(
        r.checks.filter((c) => c.status !== 'pass').map((c) => c.id),
        [],
        `seed ${seed}`,
      );
      assert.equal(r.allPass, true);
      assert.equal(r.cue, undefined);
      assert.equal(r.facing, facing === 'right' ? 1 : -1);
    }
  });

  for (const c of FAILS) {
    test(`chair boat facing ${facing}: ${c.name} -> fix ${c.check}`, () => {
      const r = analyzeChairBoat(
        stickFigure({ ...GOOD, ...c.change, facing, noise: { seed: 11, sdPx: 1 } }),
        EXACT,
      );
      assert.equal(r.kind, 'judged');
      if (r.kind !== 'judged') return;
      assert.deepEqual(
        r.checks.filter((x) => x.status === 'fix').map((x) => x.id),
        [c.check, ...(c.alsoFix ?? [])],
      );
      assert.equal(r.allPass, false);
      assert.equal(r.cue, c.cue);
    });
  }

  test(`chair boat facing ${facing}: a hidden near ankle means "cannot see", never a verdict`, () => {
    const near = facing;
    const r = analyzeChairBoat(
      stickFigure({
        ...GOOD,
        facing,
        missing: [`${near}_ankle`, `${facing === 'left' ? 'right' : 'left'}_ankle`],
      }),
      EXACT,
    );
    assert.equal(r.kind, 'cannot_see');
    if (r.kind !== 'cannot_see') return;
    assert.equal(r.reason, 'joints_not_seen');
    assert.deepEqual(r.missing, [`${near}_ankle`]);
    assert.equal(r.advice, CAMERA_ADVICE.feet);
  });

  test(`chair boat facing ${facing}: a hidden far wrist skips only the parallel check`, () => {
    const far = facing === 'left' ? 'right' : 'left';
    const r = analyzeChairBoat(stickFigure({ ...GOOD, facing, missing: [`${far}_wrist`] }), EXACT);
    assert.equal(r.kind, 'judged');
    if (r.kind !== 'judged') return;
    assert.equal(r.checks.find((c) => c.id === 'arms_parallel')?.status, 'not_seen');
    assert.equal(r.allPass, true);
  });
}

test('chair boat: facing the camera is refused with advice to turn side-on', () => {
  const r = analyzeChairBoat(
    stickFigure({ ...GOOD, facing: 'right', farSideOffset: { x: -110, y: 0 } }),
    EXACT,
  );
  assert.equal(r.kind, 'cannot_see');
  if (r.kind === 'cannot_see') {
    assert.equal(r.reason, 'not_side_on');
    assert.equal(r.advice, CAMERA_ADVICE.notSideOn);
  }
});

test('chair boat: trunk lean is judged from the upright reference (MoveNet offset by default)', () => {
  // 25 degrees back in exact geometry passes; read as a MoveNet keypoint set it is only 15 past the
  // seated reading of an upright trunk, so it does not.
  const pose = stickFigure({ ...GOOD, facing: 'right', trunkBackDeg: 25 });
  const exact = analyzeChairBoat(pose, EXACT);
  const moveNet = analyzeChairBoat(pose);
  assert.equal(exact.kind === 'judged' && exact.allPass, true);
  assert.equal(moveNet.kind === 'judged' && moveNet.cue, CHAIR_BOAT_CUES.leanBackMore);
});

const leanCheck = (trunkBackDeg: number, uprightTrunkDeg: number) => {
  const r = analyzeChairBoat(stickFigure({ ...GOOD, facing: 'right', trunkBackDeg }), { uprightTrunkDeg });
  assert.equal(r.kind, 'judged');
  return r.kind === 'judged' ? r.checks.find((c) => c.id === 'trunk_lean') : undefined;
};

// Boundaries of "20-45 degrees back from the user's own upright", each side of each edge.
for (const [lean, status, cue] of [
  [19.5, 'fix', CHAIR_BOAT_CUES.leanBackMore],
  [20.5, 'pass', undefined],
  [44.5, 'pass', undefined],
  [45.5, 'fix', CHAIR_BOAT_CUES.leanBackLess],
] as const) {
  test(`chair boat: ${lean} degrees back from upright is ${status === 'pass' ? 'within' : 'outside'} 20-45`, () => {
    // Exact geometry (upright reads 0), and the same lean from a calibrated upright of 7 degrees.
    for (const upright of [0, 7]) {
      const c = leanCheck(lean + upright, upright);
      assert.equal(c?.status, status, `upright ${upright}`);
      assert.ok(Math.abs((c?.value ?? NaN) - lean) < 1e-6, `measured ${c?.value}`);
      if (cue) assert.equal(c?.status === 'fix' && c.cue, cue);
    }
  });
}

test('chair boat: without calibration the lean counts from the model default upright (10 degrees)', () => {
  // 32 degrees in exact geometry is 22 past the default upright: passes; 29 is 19 past: too little.
  const pass = analyzeChairBoat(stickFigure({ ...GOOD, facing: 'right', trunkBackDeg: 32 }));
  const short = analyzeChairBoat(stickFigure({ ...GOOD, facing: 'right', trunkBackDeg: 29 }));
  assert.equal(pass.kind === 'judged' && pass.checks.find((c) => c.id === 'trunk_lean')?.status, 'pass');
  assert.equal(short.kind === 'judged' && short.checks.find((c) => c.id === 'trunk_lean')?.status, 'fix');
});
