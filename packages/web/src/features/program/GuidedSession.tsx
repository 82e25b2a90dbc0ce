import { EXERCISE_SAFETY, EXERCISE_VARIANTS, guidedSession, type ExerciseSessionResult } from '@hipwise/core';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Link, useLocation } from 'wouter';
import { isApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { NrsScale } from '../../components/NrsScale';
import { PAIN_ENDS } from '../baseline/scale-labels';
import { randomId } from '../../lib/random-id';
import { CameraCoachPanel, type SetFormResult } from '../camera/CameraCoachPanel';
import { BlockNotice } from './BlockNotice';
import { programApi } from './program-api';
import { ProgressRing } from './ProgressRing';
import type { SessionClock } from './session-clock';
import { OUTCOME_WORDS, painText, resultNews, sessionSummary } from './session-words';
import { useSpeech } from './speech';
import { StepDrawing } from './StepDrawing';

const {
  advance,
  COUNTDOWN_MS,
  endEarly,
  heldSoFar,
  initialState,
  letGo,
  nextStep,
  phaseEnd,
  previousStep,
  REST_MS,
  sessionBody,
  setPainAfter,
  setPainBefore,
  skipWait,
  stopForPain,
} = guidedSession;
type Phase = guidedSession.Phase;
type SessionPlan = guidedSession.SessionPlan;
type SessionState = guidedSession.SessionState;

/** Redraws per second of timer: often enough that the ring moves smoothly, cheap enough to ignore. */
const REDRAW_MS = 200;

type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly result: ExerciseSessionResult }
  | { readonly status: 'failed'; readonly message: string };

function phaseKey(p: Phase): string {
  switch (p.kind) {
    case 'step':
      return `step:${p.index}`;
    case 'countdown':
    case 'hold':
      return `${p.kind}:${p.set}`;
    case 'rest':
      return `rest:${p.afterSet}`;
    case 'pain-before':
    case 'pain-after':
    case 'ended':
      return p.kind;
  }
}

interface GuidedSessionProps {
  readonly plan: SessionPlan;
  /** The user already stopped for pain today. */
  readonly restAdvised: boolean;
  readonly clock: SessionClock;
}

/**
 * The guided boat-pose session: pain before, the steps one at a time, then for each set a
 * countdown, a hold with a progress ring and a rest, then pain after and a summary. The stop
 * button is on screen throughout and ends the session at once.
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
  const holdStep = info.steps.find((s) => s.hold) ?? info.steps[info.steps.length - 1];
  const [state, setStateRaw] = useState<SessionState>(initialState);
  const stateRef = useRef(state);
  const [now, setNow] = useState(() => clock.now());
  const [painBefore, setPainBeforeValue] = useState<number>();
  const [painAfter, setPainAfterValue] = useState<number>();
  const [fieldError, setFieldError] = useState<string>();
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  // One key per session: a retry after a failed save reuses it, so the server stores it once.
  const idempotencyKey = useRef(randomId());
  const speech = useSpeech();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const [, navigate] = useLocation();

  const commit = useCallback((s: SessionState) => {
    stateRef.current = s;
    setStateRaw(s);
  }, []);
  const act = (f: (s: SessionState, t: number) => SessionState) => {
    const t = clock.now();
    setNow(t);
    commit(f(stateRef.current, t));
  };

  // Timed phases: redraw on a short interval; every redraw recomputes the phase from timestamps.
  const timed = phaseEnd(state.phase, plan) !== null;
  useEffect(() => {
    if (!timed) return;
    return clock.every(REDRAW_MS, () => {
      const t = clock.now();
      setNow(t);
      const next = advance(stateRef.current, plan, t);
      if (next.state !== stateRef.current) commit(next.state);
    });
  }, [timed, clock, plan, commit]);

  // Each new phase is spoken (if not muted), announced to screen readers, and given focus unless
  // the user is on a control that is still there (the stop button, the mute switch).
  const key = phaseKey(state.phase);
  const { say } = speech;
  useEffect(() => {
    const p = stateRef.current.phase;
    const stopped = stateRef.current.stoppedEarly === 'pain';
    const total = plan.sets;
    const text =
      p.kind === 'step'
        ? info.steps[p.index]?.cue
        : p.kind === 'countdown'
          ? `Set ${p.set + 1} of ${total}. Get into position. The hold starts in ${COUNTDOWN_MS / 1000} seconds.`
          : p.kind === 'hold'
            ? `Hold. ${holdStep?.cue ?? ''}`
            : p.kind === 'rest'
              ? `Well done. Rest for ${REST_MS / 1000} seconds.`
              : p.kind === 'pain-after'
                ? 'Well done. How is your back now?'
                : p.kind === 'ended' && stopped
                  ? EXERCISE_SAFETY.cueStop
                  : undefined;
    if (text) {
      say(text);
      setAnnouncement(text);
    }
    const active = document.activeElement;
    if (active !== stopRef.current && !(active instanceof HTMLInputElement && active.type === 'checkbox')) {
      headingRef.current?.focus();
    }
  }, [key, say, info, holdStep, plan.sets]);

  // Per-set form scores from the camera coach, when the user turned it on (only numbers, no frames).
  const cameraSets = useRef<Map<number, SetFormResult> | null>(null);
  const onSetForm = useCallback((r: SetFormResult) => {
    cameraSets.current ??= new Map();
    cameraSets.current.set(r.setIndex, r);
  }, []);

  const doSave = useCallback(async () => {
    setSave({ status: 'saving' });
    try {
      const body = sessionBody(stateRef.current, plan);
      const sets = cameraSets.current;
      const withForm = sets
        ? {
            ...body,
            formScores: body.achievedHoldSeconds.map((_, i) => sets.get(i)?.formScore ?? null),
            goodFormSeconds: body.achievedHoldSeconds.map((_, i) => {
              const r = sets.get(i);
              return r && r.formScore !== null ? r.goodFormSeconds : null;
            }),
          }
        : body;
      const result = await programApi.saveSession(withForm, idempotencyKey.current);
      setSave({ status: 'saved', result });
    } catch (e) {
      setSave({ status: 'failed', message: isApiError(e) ? e.message : 'Could not save the session.' });
    }
  }, [plan]);

  // The session is stored as soon as it has ended: at once after a stop for pain.
  const ended = state.phase.kind === 'ended';
  useEffect(() => {
    if (ended) void doSave();
  }, [ended, doSave]);

  // Closing or reloading the tab mid-session would lose it: let the browser ask first.
  const active = state.phase.kind !== 'pain-before' && !ended;
  useEffect(() => {
    if (!active) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  const stoppedForPain = state.stoppedEarly === 'pain';
  const p = state.phase;

  function endSession() {
    const s = stateRef.current;
    // Nothing attempted yet: leave without logging an empty session.
    if (s.held.length === 0 && s.phase.kind !== 'hold') {
      navigate('/');
      return;
    }
    act((st, t) => endEarly(st, plan, t));
  }

  const stopButton = !ended && (
    <button
      ref={stopRef}
      type="button"
      className="stop-button"
      onClick={() => act((s, t) => stopForPain(s, plan, t))}
    >
      {EXERCISE_SAFETY.stopButton}
    </button>
  );

  let body;
  switch (p.kind) {
    case 'pain-before':
      body = (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            Before you start
          </h2>
          {restAdvised && (
            <Alert tone="warning" title="You stopped for pain earlier today">
              <p>{EXERCISE_SAFETY.afterStopForPain}</p>
            </Alert>
          )}
          <p>
            Today: {plan.sets} holds of {plan.holdSeconds} seconds, with a rest of {REST_MS / 1000} seconds
            between them.
          </p>
          <Alert tone="info">
            <p>{EXERCISE_SAFETY.beforeYouStart}</p>
          </Alert>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (painBefore === undefined) return setFieldError('choose a number from 0 to 10');
              setFieldError(undefined);
              act((s) => setPainBefore(s, painBefore));
            }}
          >
            <NrsScale
              name="painBefore"
              label="Back pain right now, before the exercise"
              {...PAIN_ENDS}
              value={painBefore}
              onChange={setPainBeforeValue}
              error={fieldError}
            />
            <button type="submit" className="primary">
              Continue
            </button>
          </form>
        </>
      );
      break;
    case 'step': {
      const step = info.steps[p.index];
      const last = p.index === plan.stepCount - 1;
      body = step && (
        <>
          <p className="step-count">
            Step {p.index + 1} of {plan.stepCount}
          </p>
          <h2 ref={headingRef} tabIndex={-1} className="step-text">
            {step.text}
          </h2>
          <StepDrawing step={step.illustration} />
          <div className="button-row" style={{ marginTop: '1rem' }}>
            {p.index > 0 && (
              <button type="button" onClick={() => act((s) => previousStep(s))}>
                Back
              </button>
            )}
            <button type="button" className="primary" onClick={() => act((s, t) => nextStep(s, plan, t))}>
              {last ? `Start: hold begins in ${COUNTDOWN_MS / 1000} seconds` : 'Next step'}
            </button>
          </div>
        </>
      );
      break;
    }
    case 'countdown':
    case 'hold':
    case 'rest': {
      const end = phaseEnd(p, plan) ?? now;
      const length =
        p.kind === 'countdown' ? COUNTDOWN_MS : p.kind === 'hold' ? plan.holdSeconds * 1000 : REST_MS;
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
          ? `Hold starts in ${left} s`
          : p.kind === 'hold'
            ? `${heldSoFar(p, plan, now)} of ${plan.holdSeconds} seconds held`
            : `Next set in ${left} s`;
      body = (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          <div className="timer">
            <ProgressRing
              fraction={1 - (end - now) / length}
              text={`${left}`}
              tone={p.kind === 'hold' ? 'hold' : p.kind}
            />
            <p className="timer-label" role="timer" aria-live="off">
              {label}
            </p>
          </div>
          {holdStep && p.kind !== 'rest' && <p className="step-text">{holdStep.text}</p>}
          {holdStep && <StepDrawing step={holdStep.illustration} />}
          <div className="button-row" style={{ marginTop: '1rem' }}>
            {p.kind === 'hold' && (
              <button type="button" onClick={() => act((s, t) => letGo(s, plan, t))}>
                I had to let go
              </button>
            )}
            {p.kind !== 'hold' && (
              <button type="button" onClick={() => act((s, t) => skipWait(s, t))}>
                {p.kind === 'rest' ? 'Start the next set now' : 'Start the hold now'}
              </button>
            )}
          </div>
        </>
      );
      break;
    }
    case 'pain-after':
      body = (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            {state.stoppedEarly === 'other' ? 'Session ended' : 'All holds done'}
          </h2>
          <p>Holds: {state.held.length > 0 ? state.held.map((s) => `${s} s`).join(', ') : 'none'}.</p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (painAfter === undefined) return setFieldError('choose a number from 0 to 10');
              setFieldError(undefined);
              act((s) => setPainAfter(s, painAfter));
            }}
          >
            <NrsScale
              name="painAfter"
              label="Back pain right now, after the exercise"
              {...PAIN_ENDS}
              value={painAfter}
              onChange={setPainAfterValue}
              error={fieldError}
            />
            <button type="submit" className="primary">
              Save session
            </button>
          </form>
        </>
      );
      break;
    case 'ended':
      body = (
        <Ended
          headingRef={headingRef}
          stoppedForPain={stoppedForPain}
          save={save}
          onRetry={() => void doSave()}
        />
      );
      break;
  }

  return (
    <div className="session">
      {stopButton}
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
        />
      )}
      {!ended && (
        <div className="session-tools">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={!speech.muted && speech.available}
              disabled={!speech.available}
              onChange={(e) => speech.setMuted(!e.target.checked)}
            />
            <span>Spoken cues{speech.available ? '' : ' (not available in this browser)'}</span>
          </label>
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

interface EndedProps {
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly stoppedForPain: boolean;
  readonly save: SaveState;
  readonly onRetry: () => void;
}

function Ended({ headingRef, stoppedForPain, save, onRetry }: EndedProps) {
  return (
    <>
      <h2 ref={headingRef} tabIndex={-1}>
        {stoppedForPain ? 'You stopped: rest now' : 'Session summary'}
      </h2>
      {stoppedForPain && (
        <Alert tone="warning" title="Stopped for sharp or spreading pain">
          <p>{EXERCISE_SAFETY.afterStopForPain}</p>
          <p>{EXERCISE_SAFETY.pauseRule}</p>
        </Alert>
      )}
      {save.status === 'saving' && <p role="status">Saving your session…</p>}
      {save.status === 'failed' && (
        <Alert tone="error" title="Your session is not saved yet">
          <p>{save.message}</p>
          <button type="button" onClick={onRetry}>
            Try saving again
          </button>
        </Alert>
      )}
      {save.status === 'saved' && <Saved result={save.result} />}
      <p className="button-row" style={{ marginTop: '1.5rem' }}>
        <Link href="/">Back to your programme</Link>
        <Link href="~/today">Today</Link>
      </p>
    </>
  );
}

function Saved({ result }: { readonly result: ExerciseSessionResult }) {
  const s = result.session;
  const sum = sessionSummary(s);
  return (
    <>
      <Alert tone="success" title="Session saved.">
        <p>It is in your session history.</p>
      </Alert>
      <table className="summary-table">
        <caption className="sr-only">This session</caption>
        <tbody>
          <tr>
            <th scope="row">Result</th>
            <td>{OUTCOME_WORDS[sum.outcome]}</td>
          </tr>
          <tr>
            <th scope="row">Holds</th>
            <td>
              {s.achievedHoldSeconds.length > 0
                ? s.achievedHoldSeconds.map((h) => `${h} s`).join(', ')
                : 'none'}{' '}
              of {s.plannedSets} × {s.plannedHoldSeconds} s
            </td>
          </tr>
          <tr>
            <th scope="row">Pain</th>
            <td>{painText(s)}</td>
          </tr>
          {s.formScores.some((f) => f !== null) && (
            <tr>
              <th scope="row">Form (camera)</th>
              <td>
                {s.formScores
                  .map((f, i) =>
                    f === null
                      ? 'not seen'
                      : `${Math.round(f * 100)}% (${s.goodFormSeconds[i] ?? 0} s in good form)`,
                  )
                  .join(', ')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {resultNews(result).map((n) => (
        <p key={n}>
          <strong>{n}</strong>
        </p>
      ))}
      {result.block && <BlockNotice block={result.block} />}
    </>
  );
}
