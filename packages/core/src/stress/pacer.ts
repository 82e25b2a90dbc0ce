/**
 * Paced breathing maths: where in the breath cycle a practice is at time t. Pure, so the browser's
 * pacer (SVG circle, text/bar for reduced motion, tone and voice cues) and its tests agree.
 *
 * Default 5 s in, 5 s out = 6 breaths a minute, the "resonance" rate used in slow-breathing and
 * heart-rate-variability biofeedback studies (Lehrer & Gevirtz, Front Psychol 2014;5:756). Bounds keep the pace between
 * about 3 and 15 breaths a minute, comfortable for an untrained adult; lengths move in half seconds
 * so settings are easy to read.
 */
export interface PacerSettings {
  /** Seconds breathing in. */
  readonly inhaleSeconds: number;
  /** Seconds breathing out. */
  readonly exhaleSeconds: number;
}

export const DEFAULT_PACER: PacerSettings = { inhaleSeconds: 5, exhaleSeconds: 5 };
export const INHALE_RANGE = { min: 2, max: 8 } as const;
export const EXHALE_RANGE = { min: 2, max: 10 } as const;
export const PACER_STEP_SECONDS = 0.5;
/** Practice lengths offered, in minutes: 1 to 5, short enough to fit into a working day. */
export const PRACTICE_MINUTES = [1, 2, 3, 4, 5] as const;
export const DEFAULT_PRACTICE_MINUTES = 3;

function clampTo(value: number, range: { readonly min: number; readonly max: number }): number {
  if (!Number.isFinite(value)) return range.min;
  const stepped = Math.round(value / PACER_STEP_SECONDS) * PACER_STEP_SECONDS;
  return Math.min(range.max, Math.max(range.min, stepped));
}

/** Settings brought inside the bounds and onto the half-second grid (e.g. from an old saved value). */
export function clampPacer(s: PacerSettings): PacerSettings {
  return {
    inhaleSeconds: clampTo(s.inhaleSeconds, INHALE_RANGE),
    exhaleSeconds: clampTo(s.exhaleSeconds, EXHALE_RANGE),
  };
}

export function breathSeconds(s: PacerSettings): number {
  return s.inhaleSeconds + s.exhaleSeconds;
}

/** Breaths a minute, one decimal (5 + 5 s -> 6). */
export function breathsPerMinute(s: PacerSettings): number {
  return Math.round(600 / breathSeconds(s)) / 10;
}

export type BreathPhase = 'inhale' | 'exhale';

export interface PacerState {
  readonly phase: BreathPhase;
  /** 0 at the start of the phase, 1 at its end. */
  readonly phaseProgress: number;
  /** Whole seconds left in this phase, counted down for the text pacer (at least 1 while running). */
  readonly secondsLeft: number;
  /** 0 for the first breath. */
  readonly breathIndex: number;
  /**
   * Size of the visual pacer from 0 (empty lungs) to 1 (full): rises through the inhale and falls
   * through the exhale, eased (half a cosine) so it slows at the turns as breath does.
   */
  readonly fullness: number;
}

const ease = (x: number) => (1 - Math.cos(Math.PI * x)) / 2;

/** The pacer at `elapsedMs` since the practice started (negative counts as 0). */
export function pacerAt(s: PacerSettings, elapsedMs: number): PacerState {
  const t = Math.max(0, elapsedMs) / 1000;
  const cycle = breathSeconds(s);
  const breathIndex = Math.floor(t / cycle);
  const inCycle = t - breathIndex * cycle;
  if (inCycle < s.inhaleSeconds) {
    const p = inCycle / s.inhaleSeconds;
    return {
      phase: 'inhale',
      phaseProgress: p,
      secondsLeft: Math.max(1, Math.ceil(s.inhaleSeconds - inCycle - 1e-9)),
      breathIndex,
      fullness: ease(p),
    };
  }
  const out = inCycle - s.inhaleSeconds;
  const p = out / s.exhaleSeconds;
  return {
    phase: 'exhale',
    phaseProgress: p,
    secondsLeft: Math.max(1, Math.ceil(s.exhaleSeconds - out - 1e-9)),
    breathIndex,
    fullness: 1 - ease(p),
  };
}

/** Whole breaths completed after `elapsedMs`. */
export function breathsCompleted(s: PacerSettings, elapsedMs: number): number {
  return Math.floor(Math.max(0, elapsedMs) / 1000 / breathSeconds(s));
}
