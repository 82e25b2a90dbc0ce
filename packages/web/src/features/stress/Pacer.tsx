import type { PacerState } from '@hipwise/core';

const MIN_R = 28;
const MAX_R = 92;

/**
 * The breathing pacer: a circle that grows while breathing in and shrinks while breathing out, or,
 * for people who asked for reduced motion, a text countdown with a bar that fills and empties in
 * steps. The phase word is announced politely; the countdown is not (it would talk over itself).
 */
export function Pacer({
  state,
  reducedMotion,
}: {
  readonly state: PacerState;
  readonly reducedMotion: boolean;
}) {
  const word = state.phase === 'inhale' ? 'Breathe in' : 'Breathe out';
  return (
    <div className="pacer" data-testid="pacer" data-phase={state.phase}>
      {reducedMotion ? (
        <div className="pacer-bar" aria-hidden="true">
          <div className="pacer-bar-fill" style={{ width: `${Math.round(state.fullness * 100)}%` }} />
        </div>
      ) : (
        <svg className="pacer-circle" viewBox="0 0 200 200" aria-hidden="true" focusable="false">
          <circle className="pacer-guide" cx="100" cy="100" r={MAX_R} />
          <circle className="pacer-breath" cx="100" cy="100" r={MIN_R + (MAX_R - MIN_R) * state.fullness} />
        </svg>
      )}
      <p className="pacer-word" aria-live="polite">
        {word}
      </p>
      <p className="pacer-count">
        <span className="sr-only">Seconds left in this breath: </span>
        {state.secondsLeft}
      </p>
    </div>
  );
}
