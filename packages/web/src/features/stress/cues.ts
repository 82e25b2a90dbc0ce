import type { BreathPhase } from '@hipwise/core';
import { speak, stopSpeaking } from '../../lib/speech';

/**
 * Optional sound and voice cues at each turn of the breath. A soft tone that rises for breathing in
 * and falls for breathing out (WebAudio, made here: nothing is downloaded), and a spoken "Breathe
 * in" / "Breathe out" (lib/speech.ts). Both only after the user turned them on, and the
 * AudioContext is created in the click that starts the practice, as browsers require.
 */
export interface Cues {
  cue(phase: BreathPhase, seconds: number): void;
  close(): void;
}

export function createCues(opts: { sound: boolean; voice: boolean }): Cues {
  const Ctx = typeof window !== 'undefined' ? window.AudioContext : undefined;
  const audio = opts.sound && Ctx ? new Ctx() : undefined;
  return {
    cue(phase, seconds) {
      if (audio) {
        const now = audio.currentTime;
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        const [from, to] = phase === 'inhale' ? [220, 330] : [330, 220];
        const length = Math.min(seconds, 1.5);
        osc.type = 'sine';
        osc.frequency.setValueAtTime(from, now);
        osc.frequency.linearRampToValueAtTime(to, now + length);
        gain.gain.setValueAtTime(0.0001, now);
        gain.gain.exponentialRampToValueAtTime(0.15, now + 0.1);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + length);
        osc.connect(gain).connect(audio.destination);
        osc.start(now);
        osc.stop(now + length + 0.05);
      }
      if (opts.voice) speak(phase === 'inhale' ? 'Breathe in' : 'Breathe out', 1);
    },
    close() {
      if (opts.voice) stopSpeaking();
      void audio?.close();
    },
  };
}
