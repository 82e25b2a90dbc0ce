import { useState } from 'react';
import { EXERCISE_VARIANTS, FLOOR_UNLOCK_RULE, type ExerciseVariant } from '@hipwise/core';
import { usePageTitle } from '../../lib/use-page-title';
import { CameraCoachPanel, type SetFormResult } from './CameraCoachPanel';
import { PracticeGateNotice } from './PracticeGateNotice';
import { usePracticeGate } from './use-practice-gate';
import { HoldTimedOut, useHoldTimeout } from './HoldTimeout';
import { useNow } from '../../lib/use-now';
import { seconds } from '../../lib/units';

const TITLE = 'Practise with the camera';

/**
 * /camera/practice: the exercise form check on its own, to set up the camera and try the boat
 * pose with feedback before (or outside) a session. Nothing is saved. It obeys the same locks as a
 * session (see usePracticeGate): holds are of the user's current length, in unlocked versions only.
 */
export function PracticePage() {
  usePageTitle(TITLE);
  const gate = usePracticeGate();
  const [chosen, setVariant] = useState<ExerciseVariant | null>(null);
  const [holdStartedAt, setHoldStartedAt] = useState<number | null>(null);
  const holding = holdStartedAt !== null;
  const setHolding = (on: boolean) => setHoldStartedAt(on ? Date.now() : null);
  const now = useNow(250, holding);
  const [results, setResults] = useState<SetFormResult[]>([]);
  const open = gate.kind === 'open' ? gate : null;
  const variant =
    open && chosen !== null && open.variants.includes(chosen) ? chosen : (open?.initial ?? 'chair');
  const holdSeconds = open?.holdSeconds[variant] ?? 0;
  // Hooks run on every render, so the hold's deadline is set up before the gate may return early.
  const hold = useHoldTimeout(holding, holdSeconds, () => setHolding(false));
  if (gate.kind !== 'open') return <PracticeGateNotice title={TITLE} gate={gate} />;

  return (
    <>
      <h1>{TITLE}</h1>
      <p className="lead">
        Set up your camera and try the boat pose with the form check. Practice holds are not saved; do your
        daily sets from the programme.
      </p>
      <fieldset className="coach-options">
        <legend>Version</legend>
        {gate.variants.map((id) => (
          <label key={id}>
            <input
              type="radio"
              name="variant"
              value={id}
              checked={variant === id}
              disabled={holding}
              onChange={() => setVariant(id)}
            />
            {EXERCISE_VARIANTS[id].name}
          </label>
        ))}
        {!gate.variants.includes('floor') && <p className="hint">{FLOOR_UNLOCK_RULE}</p>}
      </fieldset>
      <div className="button-row">
        {holding ? (
          <button type="button" className="button primary" onClick={() => setHolding(false)}>
            End hold
          </button>
        ) : (
          <button type="button" className="button primary" onClick={() => setHolding(true)}>
            Start a {seconds(holdSeconds)} hold
          </button>
        )}
      </div>
      {holdStartedAt !== null && (
        <p className="hold-clock" role="timer" aria-live="off">
          Holding: {seconds(Math.max(0, Math.floor((now - holdStartedAt) / 1000)))} of {seconds(holdSeconds)}
        </p>
      )}
      {hold.timedOut && <HoldTimedOut holdSeconds={holdSeconds} />}
      <CameraCoachPanel
        variant={variant}
        holding={holding}
        setIndex={results.length}
        targetHoldSeconds={holdSeconds}
        onSetResult={(r) => setResults((rs) => [...rs, r])}
      />
      {results.length > 0 && (
        <section aria-labelledby="practice-results">
          <h2 id="practice-results">This visit</h2>
          <ul>
            {results.map((r) => (
              <li key={r.setIndex}>
                Hold {r.setIndex + 1}:{' '}
                {r.formScore === null
                  ? 'not seen by the camera'
                  : `form score ${Math.round(r.formScore * 100)}%, ${r.goodFormSeconds} of ${seconds(r.totalSeconds)} in good form`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
