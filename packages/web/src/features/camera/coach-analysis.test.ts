import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAMERA_ADVICE, CHAIR_BOAT_CUES, SITTING_CUES } from '@hipwise/core';
import { stickFigure, type StickFigureSpec } from '@hipwise/core/testing';
import { analyzeForMode, cueOf, formPasses } from './coach-analysis';

// Exact stick figures have an upright trunk at 0 degrees; calibrating to 0 says so.
const exact = { calibration: { trunkDeg: 0, headDeg: 0 } };

const chairBoat: StickFigureSpec = {
  facing: 'right',
  trunkBackDeg: 25,
  thighElevationDeg: 0,
  kneeDeg: 95,
  armElevationDeg: 0,
  elbowDeg: 175,
};

test('a good chair boat pose passes and has no cue', () => {
  const j = analyzeForMode('chair', stickFigure(chairBoat), exact);
  assert.equal(j.mode, 'chair');
  assert.equal(formPasses(j), true);
  assert.equal(cueOf(j), undefined);
});

test('an upright trunk in the chair boat pose asks to lean back', () => {
  const j = analyzeForMode('chair', stickFigure({ ...chairBoat, trunkBackDeg: 2 }), exact);
  assert.equal(formPasses(j), false);
  assert.equal(cueOf(j), CHAIR_BOAT_CUES.leanBackMore);
});

test('the calibration moves the trunk reference of the boat pose', () => {
  // 25 degrees back passes against 0, but not against a user whose upright reads 20.
  const j = analyzeForMode('chair', stickFigure(chairBoat), { calibration: { trunkDeg: 20, headDeg: 0 } });
  assert.equal(formPasses(j), false);
});

test('sitting mode classifies posture and never "passes" the hold timer', () => {
  const slouched = stickFigure({
    facing: 'left',
    trunkBackDeg: -35,
    thighElevationDeg: 0,
    kneeDeg: 90,
    armElevationDeg: -60,
  });
  const j = analyzeForMode('sitting', slouched, exact);
  assert.equal(j.result.kind, 'judged');
  assert.equal(j.result.kind === 'judged' && j.mode === 'sitting' ? j.result.posture : '', 'slouching');
  assert.equal(cueOf(j), SITTING_CUES.slouching);
  assert.equal(formPasses(j), false);
});

test('joints out of view give camera advice instead of a judgement', () => {
  const hidden = stickFigure({ ...chairBoat, missing: ['left_ankle', 'right_ankle'] });
  const j = analyzeForMode('chair', hidden, exact);
  assert.equal(j.result.kind, 'cannot_see');
  assert.equal(cueOf(j), CAMERA_ADVICE.feet);
  assert.equal(formPasses(j), false);
});
