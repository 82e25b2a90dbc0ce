import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHAIR_BOAT_CUES, holdTimer, startHold, summarizeSet } from '@hipwise/core';
import { stickFigure } from '@hipwise/core/testing';
import { analyzeForMode } from './coach-analysis';
import { holdWasWatched, toSetFormResult } from './set-form-result';

const exact = { calibration: { trunkDeg: 0, headDeg: 0 } };
const good = stickFigure({
  facing: 'right',
  trunkBackDeg: 25,
  thighElevationDeg: 0,
  kneeDeg: 95,
  armElevationDeg: 0,
  elbowDeg: 175,
});
const upright = stickFigure({
  facing: 'right',
  trunkBackDeg: 0,
  thighElevationDeg: 0,
  kneeDeg: 95,
  armElevationDeg: 0,
});

test('a set scored frame by frame: only good-form time counts towards the hold', () => {
  let hold = startHold(3000);
  // 2 s good form, then 1 s sitting upright (lean back more), at 10 frames a second.
  for (let t = 0; t <= 3000; t += 100) {
    const j = analyzeForMode('chair', t < 2000 ? good : upright, exact);
    if (j.mode === 'sitting') throw new Error('chair mode');
    if (t === 2500)
      assert.equal(j.result.kind === 'judged' ? j.result.cue : '', CHAIR_BOAT_CUES.leanBackMore);
    hold = holdTimer(hold, { type: 'frame', atMs: t, result: j.result });
  }
  const r = toSetFormResult(2, summarizeSet(hold));
  assert.equal(r.setIndex, 2);
  assert.equal(r.goodFormSeconds, 2);
  assert.equal(r.totalSeconds, 3);
  assert.equal(r.holdComplete, false);
  assert.ok(r.formScore !== null && r.formScore > 0.66 && r.formScore < 1, `score ${r.formScore}`);
});

test('a set the camera never judged has no score', () => {
  const r = toSetFormResult(0, summarizeSet(startHold(30_000)));
  assert.deepEqual(r, {
    setIndex: 0,
    formScore: null,
    goodFormSeconds: 0,
    totalSeconds: 0,
    holdComplete: false,
  });
});

test('a hold is reported when the camera watched it, even if no frame was judged in time', () => {
  const fresh = startHold(10_000);
  assert.equal(holdWasWatched(fresh, false), false, 'camera off throughout: nothing to report');
  assert.equal(holdWasWatched(fresh, true), true, 'camera on, no frame judged yet: reported, unseen');
  const judgeUpright = analyzeForMode('chair', upright, exact);
  if (judgeUpright.mode === 'sitting') throw new Error('chair mode');
  const oneFrame = holdTimer(fresh, { type: 'frame', atMs: 0, result: judgeUpright.result });
  assert.equal(holdWasWatched(oneFrame, false), true, 'a frame was analysed');
  const paused = holdTimer(holdTimer(oneFrame, { type: 'frame', atMs: 100, result: judgeUpright.result }), {
    type: 'pause',
  });
  assert.equal(holdWasWatched(paused, false), true, 'watched time before a pause still counts');
});
