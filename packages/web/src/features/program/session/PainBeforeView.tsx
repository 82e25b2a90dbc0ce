import { EXERCISE_SAFETY, guidedSession } from '@hipwise/core';
import type { RefObject } from 'react';
import { Alert } from '../../../components/Alert';
import { PainQuestion } from './PainQuestion';
import { PhaseHeading } from './PhaseHeading';
import { plural } from '../../../lib/units';

interface PainBeforeViewProps {
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly plan: guidedSession.SessionPlan;
  /** The user already stopped for pain today. */
  readonly restAdvised: boolean;
  readonly onAnswer: (pain: number) => void;
}

/** Before the first step: today's holds, the safety advice, and pain before. */
export function PainBeforeView({ headingRef, plan, restAdvised, onAnswer }: PainBeforeViewProps) {
  return (
    <>
      <PhaseHeading headingRef={headingRef}>Before you start</PhaseHeading>
      {restAdvised && (
        <Alert tone="warning" title="You stopped for pain earlier today">
          <p>{EXERCISE_SAFETY.afterStopForPain}</p>
        </Alert>
      )}
      <p>
        Today: {plural(plan.sets, 'hold')} of {plural(plan.holdSeconds, 'second')}, with a rest of{' '}
        {plural(guidedSession.REST_MS / 1000, 'second')} between them.
      </p>
      <Alert tone="info">
        <p>{EXERCISE_SAFETY.beforeYouStart}</p>
      </Alert>
      <PainQuestion
        name="painBefore"
        label="Back pain right now, before the exercise"
        submitLabel="Continue"
        onAnswer={onAnswer}
      />
    </>
  );
}
