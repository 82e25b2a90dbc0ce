/**
 * Every number the form analysis judges by, in one table, each with where it came from.
 *
 * Angles are in degrees, measured on 2-D keypoints from a side view (see geometry.ts for the sign
 * conventions). Three kinds of source appear below:
 * - [program]  the method as we teach it (shared/program.md) or the issue that specified the check;
 * - [standard] a published ergonomics standard;
 * - [measured] what MoveNet Lightning reads on the 13 real side-view sitting photos of
 *   packages/pose/fixtures/sitting (bench/pose-bench.ts prints them): used to place a boundary
 *   between classes with a margin on both sides, never to special-case a photo;
 * - [geometry] body proportions and trigonometry (proportions after Winter, "Biomechanics and
 *   Motor Control of Human Movement", segment lengths as fractions of height).
 */
export const FORM_THRESHOLDS = {
  visibility: {
    /**
     * Below this MoveNet score a keypoint is "not seen" and nothing is judged from it. 0.3 is the
     * cut tfjs-models' pose-detection demos draw keypoints at; [measured] on our photos, ankles
     * tucked out of sight under the chair score 0.14-0.29.
     */
    minKeypointScore: 0.3,
    /**
     * Side-on check: horizontal distance between the two shoulders over the trunk length. Shoulder
     * breadth is ~0.8 of the shoulder-to-hip length [geometry], so 0.5 means the body is turned
     * ~40 degrees away from side-on, where sagittal angles read ~25% off (cos 40). [measured]
     * side-on photos: 0.00-0.19.
     */
    maxShoulderSpreadOfTrunk: 0.5,
    /**
     * Facing is read from the knee's lead over the hip when it is at least this fraction of the
     * thigh (seated and boat poses put the knees clearly forward), else from the nose's lead over
     * the ear.
     */
    minKneeLeadOfThigh: 0.25,
  },

  /**
   * What MoveNet reads for an upright seated trunk (hip->shoulder) and head (shoulder->ear), for
   * users who have not calibrated. [measured] upright photos: trunk 10.4-13.4 degrees "behind"
   * vertical although the back is upright: seated, the model puts the hip keypoint forward on the
   * thigh. Head: -2 to -12 (ear slightly ahead of the shoulder). Calibration replaces both with
   * the user's own reading.
   */
  uprightReference: { trunkDeg: 10, headDeg: -8 },

  sitting: {
    /**
     * Rule 5 (do not lean back into the backrest) [program]: trunk more than this behind the
     * upright reference. Office backrests recline ~10-20 degrees past the seat's perpendicular,
     * so leaning onto one moves the trunk by about that much; 12 is past the few degrees upright
     * sitting sways and short of a backrest. [measured] upright 10-13, reclined 33-41 (absolute).
     */
    leaningBackDeg: 12,
    /**
     * Rule 6 (do not reach forward from the back of the chair) [program]: trunk more than this
     * ahead of the upright reference. ISO 11226:2000 (evaluation of static working postures)
     * accepts trunk inclination up to 20 degrees forward for sustained work, and rule 2 asks to
     * sit slightly forward, so only beyond 20 counts. [measured] slouching photos -25 to -40
     * (absolute), 35+ past the upright reference.
     */
    slouchingDeg: 20,
    /**
     * Rounded back with the head pushed forward also counts as slouching: head (shoulder->ear)
     * more than this ahead of the upright reference. ISO 11226:2000 accepts head inclination up
     * to 25 degrees. [measured] slouching -32 to -35, upright -2 to -12.
     */
    headForwardDeg: 25,
    /**
     * Rule 1 (feet flat on the floor) [program]: thigh (hip->knee) dropping more than this below
     * horizontal. With the feet flat and a seat at knee height (the usual ergonomic seat-height
     * advice), the thigh lies within ~10 degrees of horizontal; tucking the feet back under the
     * seat or onto the toes drops the knees. [measured] feet flat -7 to +1, legs folded -34 to -36.
     */
    thighDropDeg: 20,
    /**
     * Rule 1 again, when the ankle is seen: the shin (knee->ankle) pointing back under the seat by
     * more than this from vertical. [geometry] with a 45 cm shin, 35 degrees puts the ankle ~26 cm
     * behind the knee: feet tucked under the chair. [measured] feet flat 3-20.
     */
    shinTuckDeg: 35,
  },

  chairBoat: {
    /** "the angle between torso and thighs opens beyond 90 degrees" [program, chair step 3]. */
    minHipAngleDeg: 90,
    /**
     * Trunk 20-45 degrees behind the user's own upright [program, chair step 3: lean back "until
     * your back almost reaches the backrest"]. A backrest reclines about 10-20 degrees past the
     * seat's perpendicular, so "almost at the backrest" is at least 20 degrees back; 10 passed a
     * barely tilted trunk. Measured from the calibrated upright when the user has one, else from
     * the model's upright reference, so MoveNet's seated-hip offset does not let an upright trunk pass.
     */
    minTrunkBackDeg: 20,
    maxTrunkBackDeg: 45,
    /**
     * Arms forward "near horizontal" [program, chair step 2]: shoulder->wrist within this of the
     * forward horizontal. Our choice: wide enough that wrist jitter (a few degrees at arm's length)
     * and a natural slight rise or droop do not flip the verdict.
     */
    armToleranceDeg: 20,
    /** "Stretch both arms straight" [program]: elbow angle at least this (180 = straight). */
    minElbowDeg: 150,
    /**
     * "parallel to each other" [program]: seen side-on, parallel arms overlap, so the two arms'
     * elevations differ by at most this. Only judged when both wrists are seen.
     */
    maxArmElevationDifferenceDeg: 15,
    /**
     * Knees bent, feet on the floor: knee angle at most this. Sitting with the feet flat
     * puts it near 90-110 degrees; beyond 135 the legs are being stretched out.
     */
    maxKneeDeg: 135,
    /**
     * Feet down: the shin within this of pointing straight down. Lifting the feet (the
     * harder variant) swings the shin forward and up past it.
     */
    maxShinFromVerticalDeg: 45,
  },

  floorBoat: {
    /**
     * Seated low: on the floor the hips are about as high as the ankles; on a chair
     * they are a shin's length (~1 thigh length [geometry]) above. Hips more than this many thigh
     * lengths above the ankles: not on the floor.
     */
    maxHipAboveAnkleOfThigh: 0.5,
    /** Feet down [program floor step 2]: ankles at most this many thigh lengths above the hips. */
    maxAnkleAboveHipOfThigh: 0.25,
    /** "Bend the knees up" [program floor step 2]: knee angle at most this. */
    maxKneeDeg: 120,
    /** Chest lifted, trunk 20-50 degrees behind vertical, from the upright reference. */
    minTrunkBackDeg: 20,
    maxTrunkBackDeg: 50,
    /**
     * Hands released from the shins [program floor step 3]: a wrist counts as holding a shin
     * when it lies within this many trunk lengths of the shin (~10 cm for a 50 cm trunk: a hand's
     * grip plus keypoint noise) and along the shin's length rather than at or above the knee.
     * Side-on, arms reaching forward past the knees are told apart from hands on the shins only by
     * that "along the shin" test: 2-D cannot do better.
     */
    maxHoldDistanceOfTrunk: 0.2,
    minHoldAlongShin: 0.1,
  },

  holdTimer: {
    /**
     * A gap between two analysed frames longer than this (ms) counts for nothing: the camera
     * stalled or the tab was hidden, so we do not know the form in between. 500 ms is 15 frames
     * at 30 fps, well beyond jitter in frame timing.
     */
    maxFrameGapMs: 500,
  },
} as const;

export type FormThresholds = typeof FORM_THRESHOLDS;
