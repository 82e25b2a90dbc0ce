/**
 * Decides whether a spoken cue may be said now. The form checks run 30 times a second and a
 * failing check yields the same cue on every frame; saying it each time would be noise. A cue is
 * repeated at most every `repeatMs`, and any two cues are at least `minGapMs` apart, so a user
 * wobbling across a threshold is not talked at.
 */
export interface CueLimiterOptions {
  /** The same cue is not said again within this many ms. */
  readonly repeatMs?: number;
  /** No cue at all within this many ms of the previous one. */
  readonly minGapMs?: number;
}

export const CUE_REPEAT_MS = 4000;
export const CUE_MIN_GAP_MS = 1500;

export interface CueLimiter {
  /** True (and remembered as said) when `cue` may be spoken at `nowMs` (any monotonic clock). */
  take(cue: string, nowMs: number): boolean;
  reset(): void;
}

export function createCueLimiter(options: CueLimiterOptions = {}): CueLimiter {
  const repeatMs = options.repeatMs ?? CUE_REPEAT_MS;
  const minGapMs = options.minGapMs ?? CUE_MIN_GAP_MS;
  const lastSaid = new Map<string, number>();
  let lastAny: number | undefined;
  return {
    take(cue, nowMs) {
      if (lastAny !== undefined && nowMs - lastAny < minGapMs) return false;
      const previous = lastSaid.get(cue);
      if (previous !== undefined && nowMs - previous < repeatMs) return false;
      lastSaid.set(cue, nowMs);
      lastAny = nowMs;
      return true;
    },
    reset() {
      lastSaid.clear();
      lastAny = undefined;
    },
  };
}
