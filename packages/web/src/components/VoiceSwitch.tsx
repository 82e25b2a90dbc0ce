import type { ReactNode } from 'react';
import type { Voice } from '../lib/use-voice';

interface VoiceSwitchProps {
  readonly voice: Voice;
  /** The label, saying what will be spoken. */
  readonly children: ReactNode;
  /**
   * Where speech is central (the guided session), a browser without it shows the switch
   * disabled with a note; elsewhere the switch is simply left out.
   */
  readonly explainUnavailable?: boolean;
}

/** The on/off checkbox of a voice (see useVoice). */
export function VoiceSwitch({ voice, children, explainUnavailable = false }: VoiceSwitchProps) {
  if (!voice.available && !explainUnavailable) return null;
  return (
    <label className={explainUnavailable ? 'checkbox' : undefined}>
      <input
        type="checkbox"
        checked={voice.on && voice.available}
        disabled={!voice.available}
        onChange={(e) => voice.setOn(e.currentTarget.checked)}
      />
      {explainUnavailable ? (
        <span>
          {children}
          {voice.available ? '' : ' (not available in this browser)'}
        </span>
      ) : (
        children
      )}
    </label>
  );
}
