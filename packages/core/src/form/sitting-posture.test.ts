import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSitting, calibrateSitting, SITTING_CUES, type SittingIssue } from './sitting-posture.js';
import { stickFigure, type StickFigureSpec } from '../testing/stick-figure.js';

/**
 * Seated figures as MoveNet reads them: an upright trunk shows ~10 degrees back (the default
 * reference), thighs level, shins down, hands in the lap.
 */
const UPRIGHT: Omit<StickFigureSpec, 'facing'> = {
  trunkBackDeg: 11,
  headBackDeg: -6,
  thighElevationDeg: 0,
  kneeDeg: 95,
  armElevationDeg: -60,
  elbowDeg: 110,
};

const CASES: readonly { name: string; change: Partial<StickFigureSpec>; issues: SittingIssue[] }[] = [
  { name: 'upright', change: {}, issues: [] },
  {
    name: 'slightly forward of the hips (rule 2) is still fine',
    change: { trunkBackDeg: -2, headBackDeg: -12 },
    issues: [],
  },
  {
    name: 'leaning back into the backrest',
    change: { trunkBackDeg: 35, headBackDeg: 5 },
    issues: ['leaning_back'],
  },
  { name: 'reaching forward', change: { trunkBackDeg: -30, headBackDeg: -33 }, issues: ['slouching'] },
  { name: 'head pushed forward over an upright trunk', change: { headBackDeg: -40 }, issues: ['slouching'] },
  {
    name: 'feet tucked under the chair (knees drop)',
    change: { thighElevationDeg: -35, kneeDeg: 60 },
    issues: ['feet_not_flat'],
  },
  { name: 'feet tucked back, thighs level', change: { kneeDeg: 50 }, issues: ['feet_not_flat'] },
  {
    name: 'feet tucked and slouching: the feet are the headline',
    change: { thighElevationDeg: -30, kneeDeg: 70, trunkBackDeg: -25 },
    issues: ['feet_not_flat', 'slouching'],
  },
];

for (const facing of ['left', 'right'] as const) {
  for (const c of CASES) {
    test(`sitting facing ${facing}: ${c.name}`, () => {
      const r = analyzeSitting(
        stickFigure({ ...UPRIGHT, ...c.change, facing, noise: { seed: 3, sdPx: 1.5 } }),
      );
      assert.equal(r.kind, 'judged');
      if (r.kind !== 'judged') return;
      assert.deepEqual(r.issues, c.issues);
      assert.equal(r.posture, c.issues[0] ?? 'upright');
      assert.equal(r.cue, c.issues[0] === undefined ? undefined : SITTING_CUES[c.issues[0]]);
    });
  }
}

test('sitting: the ankle is optional, the knee is not', () => {
  const noAnkles = analyzeSitting(
    stickFigure({ ...UPRIGHT, facing: 'left', missing: ['left_ankle', 'right_ankle'] }),
  );
  assert.equal(noAnkles.kind === 'judged' && noAnkles.posture, 'upright');
  assert.equal(noAnkles.kind === 'judged' && noAnkles.measures.shinBackDeg, undefined);
  const noKnees = analyzeSitting(
    stickFigure({ ...UPRIGHT, facing: 'left', missing: ['left_knee', 'right_knee'] }),
  );
  assert.equal(noKnees.kind, 'cannot_see');
});

test('sitting: calibration to the user’s own upright posture moves the reference', () => {
  // This user's upright reads 20 degrees back (say, a camera a little below hip height).
  const own = stickFigure({ ...UPRIGHT, facing: 'right', trunkBackDeg: 20 });
  const cal = calibrateSitting(own);
  assert.equal(cal.kind, 'calibrated');
  if (cal.kind !== 'calibrated') return;
  assert.ok(Math.abs(cal.calibration.trunkDeg - 20) < 1e-6);

  const later = stickFigure({ ...UPRIGHT, facing: 'right', trunkBackDeg: 28 });
  const uncalibrated = analyzeSitting(later);
  const calibrated = analyzeSitting(later, { calibration: cal.calibration });
  assert.equal(uncalibrated.kind === 'judged' && uncalibrated.posture, 'leaning_back');
  assert.equal(calibrated.kind === 'judged' && calibrated.posture, 'upright');

  const reclined = analyzeSitting(stickFigure({ ...UPRIGHT, facing: 'right', trunkBackDeg: 36 }), {
    calibration: cal.calibration,
  });
  assert.equal(reclined.kind === 'judged' && reclined.posture, 'leaning_back');
});

test('sitting: calibration refuses a view that does not show the hips and knees', () => {
  const r = calibrateSitting(
    stickFigure({ ...UPRIGHT, facing: 'right', missing: ['right_hip', 'left_hip'] }),
  );
  assert.equal(r.kind, 'cannot_see');
});
