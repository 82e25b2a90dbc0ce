import { elevation, leanFromVertical, type Facing } from './geometry.js';
import type { Pose, Side } from './keypoints.js';
import { readSideView, type CannotSee, type SideView } from './side-view.js';
import { FORM_THRESHOLDS } from './thresholds.js';

/**
 * Sitting posture from a side view, against the sitting rules of the program (§2):
 * rule 1 feet flat on the floor, rule 5 do not lean back into the backrest, rule 6 do not reach
 * forward from the back of the chair (slouching forward counts here too).
 */
export type SittingPosture = 'upright' | 'leaning_back' | 'slouching' | 'feet_not_flat';
export type SittingIssue = Exclude<SittingPosture, 'upright'>;

/**
 * Order in which issues become the headline posture: the feet first, since where they are sets
 * the pelvis and so changes how the trunk reads; then the trunk. Leaning back and slouching
 * exclude each other.
 */
export const SITTING_ISSUE_ORDER: readonly SittingIssue[] = ['feet_not_flat', 'slouching', 'leaning_back'];

export const SITTING_CUES: Readonly<Record<SittingIssue, string>> = {
  feet_not_flat: 'Put both feet flat on the floor.',
  slouching: 'Sit tall over your hips instead of reaching forward.',
  leaning_back: 'Sit up, away from the backrest.',
};

/** The user's own upright sitting, as read by the camera: what "upright" means for them. */
export interface SittingCalibration {
  readonly trunkDeg: number;
  /** Undefined when the ear was not seen while calibrating: the default reference is used. */
  readonly headDeg: number | undefined;
}

export interface SittingMeasures {
  /** Trunk (hip->shoulder) lean behind vertical. */
  readonly trunkDeg: number;
  /** Head (shoulder->ear) lean behind vertical; undefined when the ear is not seen. */
  readonly headDeg: number | undefined;
  /** Thigh (hip->knee) above the forward horizontal. */
  readonly thighDeg: number;
  /** Shin (knee->ankle) pointing back from vertical; undefined when the ankle is not seen. */
  readonly shinBackDeg: number | undefined;
}

export interface SittingJudged {
  readonly kind: 'judged';
  readonly posture: SittingPosture;
  /** Every issue found, in SITTING_ISSUE_ORDER; empty when upright. */
  readonly issues: readonly SittingIssue[];
  readonly side: Side;
  readonly facing: Facing;
  readonly measures: SittingMeasures;
  readonly cue: string | undefined;
}

export interface SittingOptions {
  readonly calibration?: SittingCalibration;
  readonly minScore?: number;
}

const REQUIRED = ['shoulder', 'hip', 'knee'] as const;

export function analyzeSitting(pose: Pose, options: SittingOptions = {}): SittingJudged | CannotSee {
  const view = readSideView(pose, REQUIRED, options);
  if (view.kind === 'cannot_see') return view;
  const m = measure(view);
  const t = FORM_THRESHOLDS.sitting;
  const ref = FORM_THRESHOLDS.uprightReference;
  const trunkRef = options.calibration?.trunkDeg ?? ref.trunkDeg;
  const headRef = options.calibration?.headDeg ?? ref.headDeg;

  const found = new Set<SittingIssue>();
  if (-m.thighDeg > t.thighDropDeg || (m.shinBackDeg !== undefined && m.shinBackDeg > t.shinTuckDeg)) {
    found.add('feet_not_flat');
  }
  const trunk = m.trunkDeg - trunkRef;
  if (trunk < -t.slouchingDeg || (m.headDeg !== undefined && m.headDeg - headRef < -t.headForwardDeg)) {
    found.add('slouching');
  } else if (trunk > t.leaningBackDeg) {
    found.add('leaning_back');
  }
  const issues = SITTING_ISSUE_ORDER.filter((i) => found.has(i));
  const headline = issues[0];
  return {
    kind: 'judged',
    posture: headline ?? 'upright',
    issues,
    side: view.side,
    facing: view.facing,
    measures: m,
    cue: headline === undefined ? undefined : SITTING_CUES[headline],
  };
}

/**
 * Reads the user's upright sitting as their reference. Ask them to sit as the program teaches
 * (feet flat, upright, slightly forward of the hips) first; average a few frames' results if the
 * caller has them.
 */
export function calibrateSitting(
  pose: Pose,
  options: { readonly minScore?: number } = {},
): { readonly kind: 'calibrated'; readonly calibration: SittingCalibration } | CannotSee {
  const view = readSideView(pose, REQUIRED, options);
  if (view.kind === 'cannot_see') return view;
  const m = measure(view);
  return { kind: 'calibrated', calibration: { trunkDeg: m.trunkDeg, headDeg: m.headDeg } };
}

function measure(view: SideView): SittingMeasures {
  const { facing } = view;
  const shoulder = view.near('shoulder');
  const hip = view.near('hip');
  const knee = view.near('knee');
  const ear = view.seen(`${view.side}_ear`);
  const ankle = view.seen(`${view.side}_ankle`);
  return {
    trunkDeg: leanFromVertical(hip, shoulder, facing),
    headDeg: ear === undefined ? undefined : leanFromVertical(shoulder, ear, facing),
    thighDeg: elevation(hip, knee, facing),
    // Lean of the shin's upper end (knee) over its lower end: positive when the ankle is behind.
    shinBackDeg: ankle === undefined ? undefined : leanFromVertical(ankle, knee, facing) * -1,
  };
}
