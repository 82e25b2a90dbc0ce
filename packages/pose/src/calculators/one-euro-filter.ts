/**
 * The One Euro filter (Casiez, Roussel & Vogel, "1 € Filter: A Simple Speed-based Low-pass Filter
 * for Noisy Input in Interactive Systems", CHI 2012): a low-pass filter whose cut-off frequency
 * rises with the signal's speed, so a still joint stops jittering while a moving one lags little.
 * Same algorithm as tfjs-models' `one_euro_filter.ts` and MediaPipe's `OneEuroFilter`, including
 * MediaPipe's optional value scale (speed measured in body sizes rather than pixels).
 */
export interface OneEuroParams {
  /** Cut-off at rest, in Hz: lower removes more jitter from a still joint. */
  readonly minCutoff: number;
  /** How fast the cut-off rises with speed: higher means less lag on fast movement. */
  readonly beta: number;
  /** Cut-off of the low-pass on the speed estimate itself, in Hz. */
  readonly derivativeCutoff: number;
}

export class OneEuroFilter {
  private previous: { value: number; derivative: number; timeMs: number } | undefined;

  constructor(private readonly params: OneEuroParams) {}

  /**
   * Filters one sample taken at `timeMs`. `valueScale` multiplies the speed before it sets the
   * cut-off (1 / body size makes `beta` independent of how far the person is from the camera).
   * A sample not later than the previous one returns the previous output unchanged.
   */
  filter(value: number, timeMs: number, valueScale = 1): number {
    const prev = this.previous;
    if (prev === undefined) {
      this.previous = { value, derivative: 0, timeMs };
      return value;
    }
    const dt = (timeMs - prev.timeMs) / 1000;
    if (!(dt > 0)) return prev.value;
    const rawDerivative = ((value - prev.value) / dt) * valueScale;
    const derivative = lowPass(prev.derivative, rawDerivative, alpha(this.params.derivativeCutoff, dt));
    const cutoff = this.params.minCutoff + this.params.beta * Math.abs(derivative);
    const filtered = lowPass(prev.value, value, alpha(cutoff, dt));
    this.previous = { value: filtered, derivative, timeMs };
    return filtered;
  }

  reset(): void {
    this.previous = undefined;
  }
}

/** Smoothing factor of an exponential low-pass with the given cut-off, for a step of dt seconds. */
function alpha(cutoffHz: number, dt: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dt);
}

function lowPass(previous: number, value: number, a: number): number {
  return previous + a * (value - previous);
}
