import { analyzeSitting, type SittingPosture } from '@hipwise/core';
import { KeypointSmoother } from '../calculators/keypoint-smoother.js';
import type { PoseDetector } from '../pose-detector.js';
import { SCENE_PLACES, sceneFrame, type ScenePlace } from './scene.js';
import { decodeSittingPhoto, sittingPhotos } from './sitting-photos.js';

export interface ScaleCase {
  readonly rel: string;
  readonly place: ScenePlace;
  readonly expected: SittingPosture;
  readonly predicted: SittingPosture | 'cannot_see';
}

export interface ScaleAccuracy {
  readonly scale: number;
  readonly correct: number;
  readonly total: number;
  readonly cases: readonly ScaleCase[];
  /** Every estimate's time, ms (resampling the frame into the model input included). */
  readonly frameMs: readonly number[];
}

/**
 * The 13 sitting photos at `scale` of a 640x480 frame's height, at each of SCENE_PLACES, each
 * fed `frames` times as a still (reset() first, as for a new camera) through `detector`, then
 * the app's smoothing and sitting analysis: right when the last frame's class is the photo's.
 */
export async function sittingAccuracyAtScale(
  detector: PoseDetector,
  scale: number,
  frames = 10,
): Promise<ScaleAccuracy> {
  const cases: ScaleCase[] = [];
  const frameMs: number[] = [];
  for (const { rel, expected } of sittingPhotos()) {
    const photo = decodeSittingPhoto(rel);
    for (const place of SCENE_PLACES) {
      const frame = sceneFrame(photo, scale, place);
      detector.reset();
      const smoother = new KeypointSmoother();
      let predicted: ScaleCase['predicted'] = 'cannot_see';
      for (let i = 0; i < frames; i++) {
        const t0 = performance.now();
        const pose = await detector.estimate(frame);
        frameMs.push(performance.now() - t0);
        const r = analyzeSitting(smoother.smooth(pose, i * (1000 / 30)));
        predicted = r.kind === 'judged' ? r.posture : 'cannot_see';
      }
      cases.push({ rel, place, expected, predicted });
    }
  }
  const correct = cases.filter((c) => c.predicted === c.expected).length;
  return { scale, correct, total: cases.length, cases, frameMs };
}
