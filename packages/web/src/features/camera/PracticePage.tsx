import { useState } from 'react';
import { EXERCISE_VARIANTS, EXERCISE_VARIANT_IDS, type ExerciseVariant } from '@hipwise/core';
import { usePageTitle } from '../../lib/use-page-title';
import { CameraCoachPanel, type SetFormResult } from './CameraCoachPanel';
import { HoldTimedOut, useHoldTimeout } from './HoldTimeout';

const PRACTICE_HOLD_SECONDS = 30;

/**
 * /camera/practice: the exercise form check on its own, to set up the camera and try the boat
 * pose with feedback before (or outside) a session. Nothing is saved.
 */
export function PracticePage() {
  usePageTitle('Practise with the camera');
  const [variant, setVariant] = useState<ExerciseVariant>('chair');
  const [holding, setHolding] = useState(false);
  const [results, setResults] = useState<SetFormResult[]>([]);
  const hold = useHoldTimeout(holding, PRACTICE_HOLD_SECONDS, () => setHolding(false));

  return (
    <>
      <h1>Practise with the camera</h1>
      <p className="lead">
        Set up your camera and try the boat pose with the form check. Practice holds are not saved; do your
        daily sets from the programme.
      </p>
      <fieldset className="coach-options">
        <legend>Version</legend>
        {EXERCISE_VARIANT_IDS.map((id) => (
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
      </fieldset>
      <div className="button-row">
        {holding ? (
          <button type="button" className="button primary" onClick={() => setHolding(false)}>
            End hold
          </button>
        ) : (
          <button type="button" className="button primary" onClick={() => setHolding(true)}>
            Start a {PRACTICE_HOLD_SECONDS} s hold
          </button>
        )}
      </div>
      {hold.timedOut && <HoldTimedOut holdSeconds={PRACTICE_HOLD_SECONDS} />}
      <CameraCoachPanel
        variant={variant}
        holding={holding}
        setIndex={results.length}
        targetHoldSeconds={PRACTICE_HOLD_SECONDS}
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
                  : `form score ${Math.round(r.formScore * 100)}%, ${r.goodFormSeconds} of ${r.totalSeconds} s in good form`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
