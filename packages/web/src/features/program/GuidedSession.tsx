import { EXERCISE_SAFETY, EXERCISE_VARIANTS, guidedSession } from '@hipwise/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { VoiceSwitch } from '../../components/VoiceSwitch';
import { useVoice } from '../../lib/use-voice';
import { CameraCoachPanel } from '../camera/CameraCoachPanel';
import type { SessionClock } from './session-clock';
import { EndedView } from './session/EndedView';
import { PainAfterView } from './session/PainAfterView';
import { PainBeforeView } from './session/PainBeforeView';
import { holdStepOf, phaseCue, phaseKey } from './session/phase-cue';
import { StepView } from './session/StepView';
import { TimerView } from './session/TimerView';
import { useSessionMachine } from './session/use-session-machine';
import { useSessionSave } from './session/use-session-save';

const { endEarly, letGo, nextStep, previousStep, setPainAfter, setPainBefore, skipWait, stopForPain } =
  guidedSession;

interface GuidedSessionProps {
  readonly plan: guidedSession.SessionPlan;
  /** The user already stopped for pain today. */
  readonly restAdvised: boolean;
  readonly clock: SessionClock;
}

/**
 * The guided boat-pose session: pain before, the steps one at a time, then for each set a
 * countdown, a hold with a progress ring and a rest, then pain after and a summary. The stop
 * button is on screen throughout and ends the session at once. One voice switch serves the
 * session's cues and the camera coach's.
 */
export function GuidedSession({ plan: planProp, restAdvised, clock }: GuidedSessionProps) {
  // One plan object for the whole session, whatever the parent passes on a re-render, so the
  // timer and the save are never set up twice.
  const { variant, sets, holdSeconds, stepCount } = planProp;
  const plan = useMemo(
    () => ({ variant, sets, holdSeconds, stepCount }),
    [variant, sets, holdSeconds, stepCount],
  );
  const info = EXERCISE_VARIANTS[plan.variant];
  const { state, stateRef, now, act } = useSessionMachine(plan, clock);
  const { save, doSave, onSetForm } = useSessionSave(stateRef, plan);
  const [announcement, setAnnouncement] = useState('');
  const voice = useVoice('hipwise.session.voice', true);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const [, navigate] = useLocation();

  // Each new phase is spoken (if the voice is on), announced to screen readers, and given focus
  // unless the user is on a control that is still there (the stop button, the voice switch).
  const key = phaseKey(state.phase);
  const { say } = voice;
  useEffect(() => {
    const text = phaseCue(stateRef.current, plan, info);
    if (text) {
      say(text);
      setAnnouncement(text);
    }
    const active = document.activeElement;
    if (active !== stopRef.current && !(active instanceof HTMLInputElement && active.type === 'checkbox')) {
      headingRef.current?.focus();
    }
  }, [key, say, info, plan, stateRef]);

  // The session is stored as soon as it has ended: at once after a stop for pain.
  const ended = state.phase.kind === 'ended';
  useEffect(() => {
    if (ended) void doSave();
  }, [ended, doSave]);

  // Closing or reloading the tab mid-session would lose it: let the browser ask first.
  const inProgress = state.phase.kind !== 'pain-before' && !ended;
  useEffect(() => {
    if (!inProgress) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [inProgress]);

  function endSession() {
    const s = stateRef.current;
    // Nothing attempted yet: leave without logging an empty session.
    if (s.held.length === 0 && s.phase.kind !== 'hold') {
      navigate('/');
      return;
    }
    act((st, t) => endEarly(st, plan, t));
  }

  const p = state.phase;
  let body;
  switch (p.kind) {
    case 'pain-before':
      body = (
        <PainBeforeView
          headingRef={headingRef}
          plan={plan}
          restAdvised={restAdvised}
          onAnswer={(pain) => act((s) => setPainBefore(s, pain))}
        />
      );
      break;
    case 'step': {
      const step = info.steps[p.index];
      body = step && (
        <StepView
          headingRef={headingRef}
          step={step}
          index={p.index}
          stepCount={plan.stepCount}
          onBack={() => act(previousStep)}
          onNext={() => act((s, t) => nextStep(s, plan, t))}
        />
      );
      break;
    }
    case 'countdown':
    case 'hold':
    case 'rest':
      body = (
        <TimerView
          headingRef={headingRef}
          phase={p}
          plan={plan}
          now={now}
          holdStep={holdStepOf(info)}
          onLetGo={() => act((s, t) => letGo(s, plan, t))}
          onSkip={() => act(skipWait)}
        />
      );
      break;
    case 'pain-after':
      body = (
        <PainAfterView
          headingRef={headingRef}
          endedEarly={state.stoppedEarly === 'other'}
          held={state.held}
          onAnswer={(pain) => act((s) => setPainAfter(s, pain))}
        />
      );
      break;
    case 'ended':
      body = (
        <EndedView
          headingRef={headingRef}
          stoppedForPain={state.stoppedEarly === 'pain'}
          save={save}
          onRetry={() => void doSave()}
        />
      );
      break;
  }

  return (
    <div className="session">
      {!ended && (
        <button
          ref={stopRef}
          type="button"
          className="stop-button"
          onClick={() => act((s, t) => stopForPain(s, plan, t))}
        >
          {EXERCISE_SAFETY.stopButton}
        </button>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {body}
      {!ended && p.kind !== 'pain-before' && (
        <CameraCoachPanel
          variant={plan.variant}
          holding={p.kind === 'hold'}
          setIndex={
            p.kind === 'hold' || p.kind === 'countdown' ? p.set : p.kind === 'rest' ? p.afterSet + 1 : 0
          }
          targetHoldSeconds={plan.holdSeconds}
          onSetResult={onSetForm}
          voice={voice}
        />
      )}
      {!ended && (
        <div className="session-tools">
          <VoiceSwitch voice={voice} explainUnavailable>
            Spoken cues
          </VoiceSwitch>
          {p.kind !== 'pain-after' && (
            <button type="button" onClick={endSession}>
              End session
            </button>
          )}
        </div>
      )}
    </div>
  );
}
