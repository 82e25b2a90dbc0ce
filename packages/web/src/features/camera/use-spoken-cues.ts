import { useCallback, useEffect, useMemo, useState } from 'react';
import { createCueLimiter } from './cue-limiter';

export function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
}

function readStored(key: string, fallback: boolean): boolean {
  try {
    const v = window.localStorage.getItem(key);
    return v === null ? fallback : v === '1';
  } catch {
    // Storage can be blocked (private modes, policies): use the default.
    return fallback;
  }
}

export interface SpokenCues {
  /** False when the browser has no speech synthesis: hide the switch. */
  readonly available: boolean;
  readonly on: boolean;
  readonly setOn: (on: boolean) => void;
  /** Says the cue unless voice is off or the same cue was said in the last ~4 s. */
  readonly say: (cue: string) => void;
}

/**
 * Spoken cues (Web Speech API) with an on/off choice remembered on this device under
 * `storageKey`. Cues are rate-limited (cue-limiter.ts) and a new cue interrupts the previous one,
 * so speech never lags behind what the user is doing.
 */
export function useSpokenCues(storageKey: string, defaultOn: boolean): SpokenCues {
  const [on, setOnState] = useState(() => readStored(storageKey, defaultOn));
  const limiter = useMemo(() => createCueLimiter(), []);
  const available = speechAvailable();

  const setOn = useCallback(
    (value: boolean) => {
      setOnState(value);
      try {
        window.localStorage.setItem(storageKey, value ? '1' : '0');
      } catch {
        // Not remembered, but honoured for now.
      }
      if (!value && speechAvailable()) window.speechSynthesis.cancel();
      limiter.reset();
    },
    [storageKey, limiter],
  );

  const say = useCallback(
    (cue: string) => {
      if (!on || !speechAvailable()) return;
      if (!limiter.take(cue, performance.now())) return;
      try {
        window.speechSynthesis.cancel();
        const utterance = new SpeechSynthesisUtterance(cue);
        utterance.rate = 0.95;
        window.speechSynthesis.speak(utterance);
      } catch {
        // A voice that fails must never break the coach; the cue is on screen anyway.
      }
    },
    [on, limiter],
  );

  useEffect(
    () => () => {
      if (speechAvailable()) window.speechSynthesis.cancel();
    },
    [],
  );

  return { available, on, setOn, say };
}
