import { KEYPOINT_NAMES, type Keypoint, type KeypointName, type Pose } from '../form/keypoints.js';
import { mulberry32 } from './mulberry32.js';

/**
 * A 2-D stick figure posed by joint angles, seen from the side, emitting the 17 COCO keypoints a
 * pose model would. No licensed photos of the boat pose exist, so its form checks are tested on
 * figures built from geometry: every angle is known exactly, and noise and hidden joints are added
 * on purpose (seeded, so a failing case replays the same).
 *
 * Angles follow geometry.ts: trunk and head lean in degrees behind vertical (positive = back),
 * limb elevations in degrees above the forward horizontal, interior joint angles at knee and elbow
 * (180 = straight).
 */
export interface StickFigureSpec {
  readonly facing: 'left' | 'right';
  /** Body height in pixels; segment lengths are fractions of it. */
  readonly heightPx?: number;
  /** Where the near hip lands in the image. */
  readonly hip?: { readonly x: number; readonly y: number };
  readonly trunkBackDeg: number;
  /** Head (shoulder->ear) lean behind vertical; default: in line with the trunk. */
  readonly headBackDeg?: number;
  /** Hip->knee above the forward horizontal (0 = thigh level, as on a chair). */
  readonly thighElevationDeg: number;
  readonly kneeDeg: number;
  /** Shoulder->elbow above the forward horizontal (-90 = hanging). */
  readonly armElevationDeg: number;
  readonly elbowDeg?: number;
  /** The far arm's elevation, when it differs (arms not parallel). */
  readonly farArmElevationDeg?: number;
  /** Where the far side's joints land relative to the near side's, in pixels. */
  readonly farSideOffset?: { readonly x: number; readonly y: number };
  /** Scores for near-side, far-side and face keypoints. */
  readonly scores?: { readonly near?: number; readonly far?: number; readonly face?: number };
  /** Keypoints to report as not seen: score 0.05 and a wrong position, as a model guesses. */
  readonly missing?: readonly KeypointName[];
  /** Gaussian position noise with this standard deviation (px), from a seeded generator. */
  readonly noise?: { readonly seed: number; readonly sdPx: number };
}

/**
 * Segment lengths as fractions of body height (Winter's anthropometric table): hip->shoulder
 * 0.818 - 0.530, thigh 0.245, shank 0.246, upper arm 0.186, forearm + wrist 0.146; ear ~0.11
 * above the shoulder joint, nose and eyes ahead of the ear.
 */
const SEGMENTS = {
  trunk: 0.288,
  thigh: 0.245,
  shank: 0.246,
  upperArm: 0.186,
  forearm: 0.146,
  neckToEar: 0.11,
  earToEye: 0.045,
  earToNose: 0.06,
} as const;

export function stickFigure(spec: StickFigureSpec): Pose {
  const h = spec.heightPx ?? 400;
  const f = spec.facing === 'right' ? 1 : -1;
  const hip = spec.hip ?? { x: 320, y: 300 };
  /** From body coordinates (forward, up) relative to the near hip to image pixels. */
  const img = (u: number, v: number) => ({ x: hip.x + f * u, y: hip.y - v });
  const dir = (deg: number, len: number): [number, number] => {
    const r = (deg * Math.PI) / 180;
    return [Math.cos(r) * len * h, Math.sin(r) * len * h];
  };
  const add = (p: [number, number], d: [number, number]): [number, number] => [p[0] + d[0], p[1] + d[1]];

  const hipB: [number, number] = [0, 0];
  const shoulderB = add(hipB, dir(90 + spec.trunkBackDeg, SEGMENTS.trunk));
  const earB = add(shoulderB, dir(90 + (spec.headBackDeg ?? spec.trunkBackDeg), SEGMENTS.neckToEar));
  const faceDeg = spec.headBackDeg ?? spec.trunkBackDeg; // the face turns with the head
  const eyeB = add(earB, dir(faceDeg + 10, SEGMENTS.earToEye));
  const noseB = add(earB, dir(faceDeg - 15, SEGMENTS.earToNose));
  const kneeB = add(hipB, dir(spec.thighElevationDeg, SEGMENTS.thigh));
  const ankleB = add(kneeB, dir(spec.thighElevationDeg + 180 + spec.kneeDeg, SEGMENTS.shank));
  const arm = (elevation: number) => {
    const elbow = add(shoulderB, dir(elevation, SEGMENTS.upperArm));
    // A bent elbow lifts the forearm (flexion), like reaching forward with soft arms.
    const wrist = add(elbow, dir(elevation + (180 - (spec.elbowDeg ?? 180)), SEGMENTS.forearm));
    return { elbow, wrist };
  };
  const nearArm = arm(spec.armElevationDeg);
  const farArm = arm(spec.farArmElevationDeg ?? spec.armElevationDeg);

  const nearSide = spec.facing === 'right' ? 'right' : 'left'; // a figure facing right shows its right side
  const off = spec.farSideOffset ?? { x: 6, y: -4 };
  const scores = { near: 0.85, far: 0.6, face: 0.8, ...spec.scores };
  const body: Record<string, [number, number]> = {
    shoulder: shoulderB,
    elbow: nearArm.elbow,
    wrist: nearArm.wrist,
    hip: hipB,
    knee: kneeB,
    ankle: ankleB,
    ear: earB,
    eye: eyeB,
  };
  const farBody: Record<string, [number, number]> = { ...body, elbow: farArm.elbow, wrist: farArm.wrist };

  const noise = spec.noise === undefined ? () => 0 : gaussian(spec.noise.seed, spec.noise.sdPx);
  const missing = new Set(spec.missing ?? []);
  const keypoints = KEYPOINT_NAMES.map((name): Keypoint => {
    let p: { x: number; y: number };
    let score: number;
    if (name === 'nose') {
      p = img(...noseB);
      score = scores.face;
    } else {
      const [sideName, joint] = name.split('_') as [string, string];
      const isNear = sideName === nearSide;
      const b = (isNear ? body : farBody)[joint];
      if (b === undefined) throw new Error(`no body point for ${name}`);
      const q = img(...b);
      p = isNear ? q : { x: q.x + off.x, y: q.y + off.y };
      score = joint === 'eye' || joint === 'ear' ? scores.face : isNear ? scores.near : scores.far;
    }
    const x = p.x + noise();
    const y = p.y + noise();
    // A hidden joint still gets a position (models always guess one), here a wrong one.
    if (missing.has(name)) return { name, x: x + 40, y: y - 60, score: 0.05 };
    return { name, x, y, score };
  });
  return { keypoints };
}

/** Normal(0, sd) samples from a seeded mulberry32 generator (Box-Muller). */
export function gaussian(seed: number, sd: number): () => number {
  const uniform = mulberry32(seed);
  return () => {
    const u = Math.max(uniform(), Number.EPSILON);
    const v = uniform();
    return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}
