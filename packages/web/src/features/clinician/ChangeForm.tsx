import { levelsOf, PROGRAMME_MESSAGE_MAX, setsOfHolds, type ProgrammeChangeBody } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { clinicianApi } from '../../api';
import { Alert } from '../../components/Alert';
import { randomId } from '../../lib/random-id';
import { useAction } from '../../lib/use-action';

type Kind = ProgrammeChangeBody['kind'];

const KINDS: readonly { value: Kind; label: string }[] = [
  { value: 'hold_level', label: 'Hold at a level' },
  { value: 'release_hold', label: 'Release the hold' },
  { value: 'floor', label: 'Floor version' },
  { value: 'stress_item', label: 'Daily stress practice' },
  { value: 'message', label: 'Leave a message' },
];

/** A change to the member's programme; the member sees it on Today with my email and the time. */
export function ChangeForm({
  memberId,
  onSaved,
}: {
  readonly memberId: string;
  readonly onSaved: () => void;
}) {
  const [kind, setKind] = useState<Kind>('hold_level');
  const [variant, setVariant] = useState<'chair' | 'floor'>('chair');
  const [level, setLevel] = useState(1);
  const [floor, setFloor] = useState<'allowed' | 'withheld' | 'member'>('withheld');
  const [stressOn, setStressOn] = useState(true);
  const [text, setText] = useState('');
  // One key per change being made, so a retry after a lost answer never stores it twice.
  const [key, setKey] = useState(randomId);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  const body = (): ProgrammeChangeBody => {
    switch (kind) {
      case 'hold_level':
        return { kind, variant, level };
      case 'release_hold':
        return { kind };
      case 'floor':
        return { kind, setting: floor };
      case 'stress_item':
        return { kind, on: stressOn };
      case 'message':
        return { kind, text };
    }
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const ok = await run(async () => {
      await clinicianApi.change(memberId, body(), key);
    }, 'The change could not be saved. Please try again.');
    if (ok) {
      setSaved(true);
      setKey(randomId());
      setText('');
      onSaved();
    }
  }

  return (
    <section className="card" aria-labelledby="change-form-title">
      <h2 id="change-form-title">Change the programme</h2>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <div className="field">
          <label htmlFor="change-kind">What to change</label>
          <select id="change-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        {kind === 'hold_level' && (
          <>
            <div className="field">
              <label htmlFor="change-variant">Version</label>
              <select
                id="change-variant"
                value={variant}
                onChange={(e) => {
                  setVariant(e.target.value as 'chair' | 'floor');
                  setLevel(1);
                }}
              >
                <option value="chair">Chair</option>
                <option value="floor">Floor</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="change-level">Level</label>
              <select id="change-level" value={level} onChange={(e) => setLevel(Number(e.target.value))}>
                {levelsOf(variant).map((l) => (
                  <option key={l.level} value={l.level}>
                    {l.level}: {setsOfHolds(l.sets, l.holdSeconds)}
                  </option>
                ))}
              </select>
            </div>
            <p className="hint">
              The member does not move up past this level until you release it; a painful session still steps
              them back.
            </p>
          </>
        )}
        {kind === 'floor' && (
          <div className="field">
            <label htmlFor="change-floor">Floor version</label>
            <select
              id="change-floor"
              value={floor}
              onChange={(e) => setFloor(e.target.value as typeof floor)}
            >
              <option value="withheld">Withhold: stay on the chair</option>
              <option value="allowed">Allow it now</option>
              <option value="member">As their own progress decides</option>
            </select>
            <p className="hint">Neither lifts the safety questions or a safety pause.</p>
          </div>
        )}
        {kind === 'stress_item' && (
          <div className="field">
            <label htmlFor="change-stress">Daily calm-down breathing</label>
            <select
              id="change-stress"
              value={stressOn ? 'on' : 'off'}
              onChange={(e) => setStressOn(e.target.value === 'on')}
            >
              <option value="on">Add to the daily plan</option>
              <option value="off">Take off the daily plan</option>
            </select>
          </div>
        )}
        {kind === 'message' && (
          <div className="field">
            <label htmlFor="change-message">Message (at most {PROGRAMME_MESSAGE_MAX} characters)</label>
            <textarea
              id="change-message"
              value={text}
              maxLength={PROGRAMME_MESSAGE_MAX}
              rows={3}
              aria-describedby="change-message-count"
              onChange={(e) => setText(e.target.value)}
            />
            <p className="hint" id="change-message-count">
              {text.length} of {PROGRAMME_MESSAGE_MAX}
            </p>
          </div>
        )}
        {error && <Alert tone="error" title={error} />}
        {saved && <Alert tone="success" title="Saved. The member sees it on Today." />}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save the change'}
          </button>
        </div>
      </form>
    </section>
  );
}
