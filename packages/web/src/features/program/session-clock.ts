/**
 * The guided session's only source of time. Timers compute elapsed time from these timestamps,
 * never by counting ticks, so a slow or throttled tab still holds for the right number of seconds.
 * `performance.now()` is monotonic (a clock change mid-hold cannot jump it), and Playwright's
 * `page.clock` controls it, which is how the e2e journeys run a session in no real time.
 */
export interface SessionClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called; only to redraw, never to count. */
  every(ms: number, fn: () => void): () => void;
}

export const browserClock: SessionClock = {
  now: () => performance.now(),
  every(ms, fn) {
    const id = window.setInterval(fn, ms);
    return () => window.clearInterval(id);
  },
};
