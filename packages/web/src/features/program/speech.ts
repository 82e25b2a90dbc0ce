import { useCallback, useEffect, useState } from 'react';

const MUTE_KEY = 'hipwise.speech.muted';

/** Whether this browser can speak at all (some, and most test browsers, cannot). */
export function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
}

function storedMute(): boolean {
  try {
    return window.localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    // Storage can be blocked (private modes, policies); speaking is then simply on.
    return false;
  }
}

/**
 * Spoken cues through the Web Speech API, with a mute choice remembered on this device.
 * A cue cancels the one before, so cues never queue up behind the timer.
 */
export function useSpeech() {
  const [muted, setMutedState] = useState(storedMute);
  const available = speechAvailable();

  const setMuted = useCallback((m: boolean) => {
    setMutedState(m);
    try {
      window.localStorage.setItem(MUTE_KEY, m ? '1' : '0');
    } catch {
      // Not remembered, but still honoured for this session.
    }
    if (m && speechAvailable()) window.speechSynthesis.cancel();
  }, []);

  const say = useCallback(
    (text: string) => {
      if (muted || !speechAvailable()) return;
      try {
        window.speechSynthesis.cancel();
        const u = new SpeechSynthesisUtterance(text);
        u.rate = 0.95;
        window.speechSynthesis.speak(u);
      } catch {
        // A voice that fails must never break the session; the text is on screen anyway.
      }
    },
    [muted],
  );

  // Stop talking when the screen goes away.
  useEffect(
    () => () => {
      if (speechAvailable()) window.speechSynthesis.cancel();
    },
    [],
  );

  return { available, muted, setMuted, say };
}
