import { guidedSession, type ExerciseStep } from '@hipwise/core';
import type { RefObject } from 'react';
import { StepDrawing } from '../StepDrawing';
import { PhaseHeading } from './PhaseHeading';
import { plural } from '../../../lib/units';

interface StepViewProps {
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly step: ExerciseStep;
  readonly index: number;
  readonly stepCount: number;
  readonly onBack: () => void;
  readonly onNext: () => void;
}

/** One step into the starting position, with its drawing; the last one starts the countdown. */
export function StepView({ headingRef, step, index, stepCount, onBack, onNext }: StepViewProps) {
  const last = index === stepCount - 1;
  return (
    <>
      <p className="step-count">
        Step {index + 1} of {stepCount}
      </p>
      <PhaseHeading headingRef={headingRef} className="step-text">
        {step.text}
      </PhaseHeading>
      <StepDrawing step={step.illustration} />
      <div className="button-row" style={{ marginTop: '1rem' }}>
        {index > 0 && (
          <button type="button" onClick={onBack}>
            Back
          </button>
        )}
        <button type="button" className="primary" onClick={onNext}>
          {last
            ? `Start: hold begins in ${plural(guidedSession.COUNTDOWN_MS / 1000, 'second')}`
            : 'Next step'}
        </button>
      </div>
    </>
  );
}
