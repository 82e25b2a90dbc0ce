import type { RefObject } from 'react';
import { PainQuestion } from './PainQuestion';
import { PhaseHeading } from './PhaseHeading';
import { seconds } from '../../../lib/units';

interface PainAfterViewProps {
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  /** The user ended the session before the last hold. */
  readonly endedEarly: boolean;
  readonly held: readonly number[];
  readonly onAnswer: (pain: number) => void;
}

/** After the last hold (or "End session"): the holds done, and pain after. */
export function PainAfterView({ headingRef, endedEarly, held, onAnswer }: PainAfterViewProps) {
  return (
    <>
      <PhaseHeading headingRef={headingRef}>{endedEarly ? 'Session ended' : 'All holds done'}</PhaseHeading>
      <p>Holds: {held.length > 0 ? seconds(held) : 'none'}.</p>
      <PainQuestion
        name="painAfter"
        label="Back pain right now, after the exercise"
        submitLabel="Save session"
        onAnswer={onAnswer}
      />
    </>
  );
}
