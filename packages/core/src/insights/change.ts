/**
 * Change since baseline, and whether it is big enough to matter.
 *
 * Pain (0-10 NRS, also used for the PEG pain item): "a reduction of approximately two points or a
 * reduction of approximately 30% in the PI-NRS represented a clinically important difference"
 * (Farrar et al., Pain 2001;94:149-158, abstract as indexed in PubMed 11690728). Farrar derived
 * the thresholds for *improvement*; for worsening we use the 2-point rule only, because a
 * percentage of a low baseline (1 -> 2 is +100%) would flag changes nobody would notice.
 *
 * RMDQ: 5 points either way (issue 6; clinical.md: "a change of 4-5 points is needed to exceed
 * measurement error"; the 5-point figure is the one reported by Ostelo et al., Spine 2008;33:90-94,
 * not re-checked here).
 *
 * PEG and PSS-4 have no threshold adopted by hipwise: change is shown, never flagged.
 * Lower is better on every one of these measures.
 */
export type ChangeMeasure = 'pain' | 'rmdq' | 'peg' | 'pss4';

export type ChangeDirection = 'better' | 'worse' | 'unchanged';

export interface Change {
  readonly measure: ChangeMeasure;
  readonly baseline: number;
  readonly current: number;
  /** current - baseline (negative = less pain/disability/stress). */
  readonly delta: number;
  /** delta as a fraction of baseline, e.g. -0.3; null when baseline is 0. */
  readonly relative: number | null;
  readonly direction: ChangeDirection;
  /** Past the published threshold; null when the measure has none. */
  readonly meaningful: boolean | null;
}

// Tolerance for averaged values (e.g. 6.0 - 4.2 = 1.7999999999999998 must still not reach 2,
// while 5 -> 3.5 must reach 30%).
const EPS = 1e-9;

export function changeSinceBaseline(measure: ChangeMeasure, baseline: number, current: number): Change {
  const delta = current - baseline;
  const relative = baseline === 0 ? null : delta / baseline;
  const direction: ChangeDirection = delta < 0 ? 'better' : delta > 0 ? 'worse' : 'unchanged';
  let meaningful: boolean | null;
  switch (measure) {
    case 'pain':
      meaningful =
        Math.abs(delta) >= 2 - EPS || (direction === 'better' && relative !== null && -relative >= 0.3 - EPS);
      break;
    case 'rmdq':
      meaningful = Math.abs(delta) >= 5 - EPS;
      break;
    case 'peg':
    case 'pss4':
      meaningful = null;
      break;
  }
  return { measure, baseline, current, delta, relative, direction, meaningful };
}
