import type { SchedulerEvent } from '@hipwise/core';
import { idleDetectorClass } from '../../lib/idle-detection';

/**
 * Tells the scheduler whether someone is at the computer. With the Idle Detection API (when the
 * user allowed it) that is system-wide input and the screen lock; otherwise input on this page,
 * which cannot see work in other windows, so "away" then means "not using hipwise's tab".
 */

const ACTIVITY_EVERY_MS = 15_000;
/** No page input for this long is reported as idle (the scheduler's own threshold then applies). */
const PAGE_IDLE_MS = 60_000;
const CHECK_EVERY_MS = 15_000;
const PAGE_INPUT = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export interface PresenceOptions {
  now(): number;
  send(event: SchedulerEvent): void;
  setInterval(fn: () => void, ms: number): number;
  clearInterval(id: number): void;
}

/** Starts watching; returns a function that stops it. `useIdleDetector` once permission is granted. */
export function watchPresence(opts: PresenceOptions): { stop(): void; useIdleDetector(): Promise<boolean> } {
  let lastInput = opts.now();
  let lastSent = lastInput;
  let idleReported = false;
  let systemWide = false;
  const controller = new AbortController();

  const onInput = (e: Event) => {
    // Reaching for a button on the break screen is answering the break, not working through it.
    if (e.target instanceof Element && e.target.closest('[data-break-screen]')) return;
    const now = opts.now();
    lastInput = now;
    // The first input after a quiet spell goes at once: it ends the absence.
    if (idleReported || now - lastSent >= ACTIVITY_EVERY_MS) {
      idleReported = false;
      lastSent = now;
      opts.send({ type: 'activity', at: now });
    }
  };
  for (const type of PAGE_INPUT) window.addEventListener(type, onInput, { passive: true, capture: true });

  const check = () => {
    const now = opts.now();
    if (!systemWide && !idleReported && now - lastInput >= PAGE_IDLE_MS) {
      idleReported = true;
      opts.send({ type: 'idle', at: now, since: lastInput });
    }
  };
  const interval = opts.setInterval(check, CHECK_EVERY_MS);
  const onVisible = () => {
    if (document.visibilityState === 'visible') opts.send({ type: 'tick', at: opts.now() });
  };
  document.addEventListener('visibilitychange', onVisible);

  return {
    stop() {
      for (const type of PAGE_INPUT) window.removeEventListener(type, onInput, { capture: true });
      opts.clearInterval(interval);
      document.removeEventListener('visibilitychange', onVisible);
      controller.abort();
    },
    async useIdleDetector() {
      const Detector = idleDetectorClass();
      if (!Detector || systemWide) return systemWide;
      try {
        const detector = new Detector();
        detector.addEventListener('change', () => {
          const now = opts.now();
          if (detector.screenState === 'locked') {
            opts.send({ type: 'locked', at: now });
          } else if (detector.userState === 'idle') {
            // The detector fires once the threshold has passed: the input was that long ago.
            opts.send({ type: 'idle', at: now, since: Math.max(lastInput, now - PAGE_IDLE_MS) });
          } else if (detector.userState === 'active') {
            lastInput = now;
            lastSent = now;
            opts.send({ type: 'activity', at: now });
          }
        });
        await detector.start({ threshold: PAGE_IDLE_MS, signal: controller.signal });
        systemWide = true;
      } catch {
        systemWide = false;
      }
      return systemWide;
    },
  };
}
