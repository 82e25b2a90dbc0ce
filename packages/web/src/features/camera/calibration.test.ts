import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averageCalibration } from './calibration';

test('averages trunk over all readings and head over those that saw the ear', () => {
  assert.deepEqual(
    averageCalibration([
      { trunkDeg: 10, headDeg: -6 },
      { trunkDeg: 12, headDeg: undefined },
      { trunkDeg: 14, headDeg: -10 },
    ]),
    { trunkDeg: 12, headDeg: -8 },
  );
  assert.deepEqual(averageCalibration([{ trunkDeg: 9, headDeg: undefined }]), {
    trunkDeg: 9,
    headDeg: undefined,
  });
  assert.equal(averageCalibration([]), undefined);
});
