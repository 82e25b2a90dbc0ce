import { guidedSession, type ExerciseStep } from '@hipwise/core';
import type { RefObject } from 'react';
import { ProgressRing } from '../ProgressRing';
import { StepDrawing } from '../StepDrawing';
import { PhaseHeading } from './PhaseHeading';
import { plural, seconds } from '../../../lib/units';

type TimedPhase = Extract<guidedSession.Phase, { kind: 'countdown' | 'hold' | 'rest' }>;

interface TimerViewProps {
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly phase: TimedPhase;
  readonly plan: guidedSession.SessionPlan;
  readonly now: number;
  /** The step that describes the hold position, shown with its drawing. */
  readonly holdStep: ExerciseStep | undefined;
  readonly onLetGo: () => void;
  readonly onSkip: () => void;
}

/** The countdown, the hold and the rest: a ring that fills as the phase runs out. */
export function TimerView({ headingRef, phase: p, plan, now, holdStep, onLetGo, onSkip }: TimerViewProps) {
  const end = guidedSession.phaseEnd(p, plan) ?? now;
  const length =
    p.kind === 'countdown'
      ? guidedSession.COUNTDOWN_MS
      : p.kind === 'hold'
        ? plan.holdSeconds * 1000
        : guidedSession.REST_MS;
  const left = Math.max(0, Math.ceil((end - now) / 1000));
  const set = p.kind === 'rest' ? p.afterSet + 1 : p.set;
  const title =
    p.kind === 'countdown'
      ? `Set ${set + 1} of ${plan.sets}: get into position`
      : p.kind === 'hold'
        ? `Hold: set ${set + 1} of ${plan.sets}`
        : `Rest before set ${set + 1} of ${plan.sets}`;
  const label =
    p.kind === 'countdown'
      ? `Hold starts in ${seconds(left)}`
      : p.kind === 'hold'
        ? `${guidedSession.heldSoFar(p, plan, now)} of ${plural(plan.holdSeconds, 'second')} held`
        : `Next set in ${seconds(left)}`;
  return (
    <>
      <PhaseHeading headingRef={headingRef}>{title}</PhaseHeading>
      <div className="timer">
        <ProgressRing fraction={1 - (end - now) / length} text={`${left}`} tone={p.kind} />
        <p className="timer-label" role="timer" aria-live="off">
          {label}
        </p>
      </div>
      {holdStep && p.kind !== 'rest' && <p className="step-text">{holdStep.text}</p>}
      {holdStep && <StepDrawing step={holdStep.illustration} />}
      <div className="button-row" style={{ marginTop: '1rem' }}>
        {p.kind === 'hold' ? (
          <button type="button" onClick={onLetGo}>
            I had to let go
          </button>
        ) : (
          <button type="button" onClick={onSkip}>
            {p.kind === 'rest' ? 'Start the next set now' : 'Start the hold now'}
          </button>
        )}
      </div>
    </>
  );
}
