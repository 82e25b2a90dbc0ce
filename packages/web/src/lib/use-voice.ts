import { useCallback, useEffect, useMemo, useState } from 'react';
import { createCueLimiter } from './cue-limiter';
import { speak, speechAvailable, stopSpeaking } from './speech';

function readStored(key: string, fallback: boolean): boolean {
  try {
    const v = window.localStorage.getItem(key);
    return v === null ? fallback : v === '1';
  } catch {
    // Storage can be blocked (private modes, policies): use the default.
    return fallback;
  }
}

export interface Voice {
  /** False when the browser has no speech synthesis. */
  readonly available: boolean;
  readonly on: boolean;
  readonly setOn: (on: boolean) => void;
  /** Says `text` now unless the voice is off. */
  readonly say: (text: string) => void;
  /** For cues that repeat with every analysed frame: also skips a cue said too recently (cue-limiter.ts). */
  readonly sayCue: (cue: string) => void;
}

/**
 * A voice with an on/off switch remembered on this device under `storageKey`. Turning it off
 * stops what is being said; leaving the screen stops it too.
 */
export function useVoice(storageKey: string, defaultOn: boolean): Voice {
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
      if (!value) stopSpeaking();
      limiter.reset();
    },
    [storageKey, limiter],
  );

  const say = useCallback(
    (text: string) => {
      if (on) speak(text);
    },
    [on],
  );

  const sayCue = useCallback(
    (cue: string) => {
      if (on && speechAvailable() && limiter.take(cue, performance.now())) speak(cue);
    },
    [on, limiter],
  );

  useEffect(() => stopSpeaking, []);

  return useMemo(() => ({ available, on, setOn, say, sayCue }), [available, on, setOn, say, sayCue]);
}
