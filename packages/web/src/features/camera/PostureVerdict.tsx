import type { CannotSee, SittingJudged } from '@hipwise/core';
import { postureWords } from './posture-words';

/** The current posture class with the rule it breaks, or how to be seen when the camera cannot judge. */
export function PostureVerdict({
  result,
  calibrating,
}: {
  readonly result: SittingJudged | CannotSee | undefined;
  readonly calibrating: boolean;
}) {
  if (result === undefined) {
    return (
      <div className="coach-verdict" aria-live="polite">
        <p className="coach-verdict-title">Looking at your posture…</p>
      </div>
    );
  }
  if (result.kind === 'cannot_see') {
    return (
      <div className="coach-verdict coach-verdict-unseen" aria-live="polite">
        <p className="coach-verdict-title">Cannot see you: turn side-on, whole body in view</p>
        <p>{result.advice}</p>
      </div>
    );
  }
  const words = postureWords(result.posture);
  const good = result.posture === 'upright';
  return (
    <div className={`coach-verdict ${good ? 'coach-verdict-good' : 'coach-verdict-fix'}`} aria-live="polite">
      <p className="coach-verdict-title">Posture: {words.label}</p>
      {words.rule === undefined ? (
        <p>{calibrating ? 'Keep sitting like this.' : 'Good: you are sitting upright over your hips.'}</p>
      ) : (
        <>
          <p>
            Rule {words.rule.number}: {words.rule.title} {words.rule.why}
          </p>
          {result.cue !== undefined && <p>{result.cue}</p>}
        </>
      )}
    </div>
  );
}
