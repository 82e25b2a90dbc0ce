import {
  DEFAULT_PACER,
  DEFAULT_PRACTICE_MINUTES,
  EXHALE_RANGE,
  INHALE_RANGE,
  METHOD_WORDS,
  PACER_STEP_SECONDS,
  PRACTICE_MINUTES,
  breathsPerMinute,
  pacerAt,
  type StressSession,
} from '@hipwise/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId } from '../../components/field-id';
import { NrsScale } from '../../components/NrsScale';
import { sentence } from '../../lib/field-errors';
import { parsePlainNumber } from '../../lib/plain-number';
import { randomId } from '../../lib/random-id';
import { formatCountdown } from '../../lib/time-format';
import { useNow } from '../../lib/use-now';
import { useForm } from '../../lib/use-form';
import { STRESS_ENDS } from '../../components/scale-labels';
import { createCues, type Cues } from './cues';
import { Pacer } from './Pacer';
import { QUEUED_WORDS, saveOrQueue } from '../../offline/save-or-queue';
import { useReducedMotion } from './use-reduced-motion';
import { measure, plural, seconds } from '../../lib/units';

type Step =
  | { readonly kind: 'setup' }
  | { readonly kind: 'running'; readonly startedAt: number }
  | { readonly kind: 'after'; readonly durationSeconds: number }
  | { readonly kind: 'saved'; readonly session: StressSession }
  | { readonly kind: 'queued' };

const TICK_MS = 100;
const LABELS = {
  inhaleSeconds: 'Breathe in',
  exhaleSeconds: 'Breathe out',
  stressBefore: 'Stress before',
  stressAfter: 'Stress after',
};

/**
 * A breath length as typed: the number, or why it cannot be used. Out of range or off the
 * half-second steps is refused with the range, never quietly changed to something else.
 */
function breathLength(
  text: string,
  range: { readonly min: number; readonly max: number },
): { readonly seconds: number } | { readonly error: string } {
  const seconds = parsePlainNumber(text);
  const rangeText = `${range.min} to ${plural(range.max, 'second')}, in half seconds`;
  if (Number.isNaN(seconds)) return { error: `enter a number of seconds, ${rangeText}` };
  if (seconds < range.min || seconds > range.max || !Number.isInteger(seconds / PACER_STEP_SECONDS)) {
    return { error: `choose ${rangeText}` };
  }
  return { seconds };
}

/** Paced breathing, 1-5 minutes, with stress asked before and after; the session is stored. */
export function BreathingPractice({ onSaved }: { readonly onSaved: (s: StressSession) => void }) {
  const [minutes, setMinutes] = useState<number>(DEFAULT_PRACTICE_MINUTES);
  const [inhale, setInhale] = useState(String(DEFAULT_PACER.inhaleSeconds));
  const [exhale, setExhale] = useState(String(DEFAULT_PACER.exhaleSeconds));
  const [sound, setSound] = useState(false);
  const [voice, setVoice] = useState(false);
  const [muted, setMuted] = useState(false);
  const [before, setBefore] = useState<number>();
  const [afterValue, setAfterValue] = useState<number>();
  const [step, setStep] = useState<Step>({ kind: 'setup' });
  const reducedMotion = useReducedMotion();
  const { state, submit, invalid } = useForm();
  const cues = useRef<Cues | null>(null);
  const lastPhase = useRef<string>('');
  const key = useRef<string | null>(null);
  const inhaleLength = breathLength(inhale, INHALE_RANGE);
  const exhaleLength = breathLength(exhale, EXHALE_RANGE);
  const typed =
    'seconds' in inhaleLength && 'seconds' in exhaleLength
      ? { inhaleSeconds: inhaleLength.seconds, exhaleSeconds: exhaleLength.seconds }
      : null;
  // The pace used while running: what was typed, checked when Start was pressed.
  const [settings, setSettings] = useState(DEFAULT_PACER);
  const practice = useRef<HTMLDivElement>(null);
  const plannedMs = minutes * 60_000;

  const now = useNow(TICK_MS, step.kind === 'running');
  const elapsed = step.kind === 'running' ? Math.max(0, Math.min(plannedMs, now - step.startedAt)) : 0;
  const pacer = pacerAt(settings, elapsed);

  useEffect(() => {
    if (step.kind !== 'running') return;
    if (elapsed >= plannedMs) {
      cues.current?.close();
      cues.current = null;
      setStep({ kind: 'after', durationSeconds: Math.round(plannedMs / 1000) });
      return;
    }
    const phaseKey = `${pacer.breathIndex}-${pacer.phase}`;
    if (phaseKey !== lastPhase.current) {
      lastPhase.current = phaseKey;
      if (!muted)
        cues.current?.cue(
          pacer.phase,
          pacer.phase === 'inhale' ? settings.inhaleSeconds : settings.exhaleSeconds,
        );
    }
  });

  useEffect(() => () => cues.current?.close(), []);

  // The pacer is what the user came for: once it starts it is brought into view and takes focus,
  // so a keyboard or screen-reader user is inside it (Escape stops).
  const running = step.kind === 'running';
  useEffect(() => {
    if (!running) return;
    practice.current?.scrollIntoView({ block: 'center' });
    practice.current?.focus({ preventScroll: true });
  }, [running]);

  function start(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if ('error' in inhaleLength) problems['inhaleSeconds'] = inhaleLength.error;
    if ('error' in exhaleLength) problems['exhaleSeconds'] = exhaleLength.error;
    if (before === undefined) problems['stressBefore'] = 'choose a number from 0 to 10';
    if (Object.keys(problems).length > 0 || !typed) return invalid(problems);
    invalid({});
    setSettings(typed);
    cues.current = sound || voice ? createCues({ sound, voice }) : null;
    lastPhase.current = '';
    setMuted(false);
    setStep({ kind: 'running', startedAt: Date.now() });
  }

  function stopEarly() {
    if (step.kind !== 'running') return;
    cues.current?.close();
    cues.current = null;
    setStep({
      kind: 'after',
      durationSeconds: Math.max(1, Math.round((Date.now() - step.startedAt) / 1000)),
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (step.kind !== 'after' || before === undefined) return;
    if (afterValue === undefined) return invalid({ stressAfter: 'choose a number from 0 to 10' });
    key.current ??= randomId();
    const body = {
      plannedMinutes: minutes,
      durationSeconds: Math.min(step.durationSeconds, minutes * 60),
      inhaleSeconds: settings.inhaleSeconds,
      exhaleSeconds: settings.exhaleSeconds,
      stressBefore: before,
      stressAfter: afterValue,
    };
    const k = key.current;
    await submit(async () => {
      const result = await saveOrQueue('stress-session', body, k);
      key.current = null;
      if (result.status === 'queued') return setStep({ kind: 'queued' });
      setStep({ kind: 'saved', session: result.answer });
      onSaved(result.answer);
    });
  }

  function again() {
    setBefore(undefined);
    setAfterValue(undefined);
    setStep({ kind: 'setup' });
  }

  return (
    <section className="card" aria-labelledby="breathing-title">
      <h2 id="breathing-title">Calm-down breathing</h2>
      {step.kind === 'setup' && (
        <form onSubmit={start} noValidate>
          <p>{METHOD_WORDS.breathing}</p>
          <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
          <fieldset className="choice-row">
            <legend>How long?</legend>
            {PRACTICE_MINUTES.map((m) => (
              <label key={m} className="choice">
                <input
                  type="radio"
                  name="minutes"
                  value={m}
                  checked={minutes === m}
                  onChange={() => setMinutes(m)}
                />
                {measure(m, 'min')}
              </label>
            ))}
          </fieldset>
          <div className="pace-row">
            <SecondsInput
              name="inhaleSeconds"
              label="Breathe in (seconds)"
              range={INHALE_RANGE}
              value={inhale}
              onChange={setInhale}
              error={state.fields['inhaleSeconds']}
            />
            <SecondsInput
              name="exhaleSeconds"
              label="Breathe out (seconds)"
              range={EXHALE_RANGE}
              value={exhale}
              onChange={setExhale}
              error={state.fields['exhaleSeconds']}
            />
          </div>
          <p className="hint" id="pace-summary">
            {typed
              ? `${plural(breathsPerMinute(typed), 'breath')} a minute (${seconds(typed.inhaleSeconds)} in, ${seconds(typed.exhaleSeconds)} out). `
              : ''}
            Six a minute suits most people; a longer breath out is calming too.
          </p>
          <fieldset className="choice-row">
            <legend>Cues (optional)</legend>
            <label className="choice">
              <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} /> Soft tone
            </label>
            <label className="choice">
              <input type="checkbox" checked={voice} onChange={(e) => setVoice(e.target.checked)} /> Spoken
              “in” and “out”
            </label>
          </fieldset>
          <NrsScale
            name="stressBefore"
            label="Stress before you start"
            {...STRESS_ENDS}
            value={before}
            onChange={setBefore}
            error={state.fields['stressBefore']}
          />
          <button type="submit" className="primary">
            Start breathing
          </button>
        </form>
      )}
      {step.kind === 'running' && (
        <div
          className="practice"
          ref={practice}
          tabIndex={-1}
          role="region"
          aria-label="Breathing pacer"
          onKeyDown={(e) => {
            if (e.key === 'Escape') stopEarly();
          }}
        >
          <Pacer state={pacer} reducedMotion={reducedMotion} />
          <p className="practice-time" role="timer" aria-live="off">
            {formatCountdown(plannedMs - elapsed)} left
          </p>
          <div className="button-row">
            {(sound || voice) && (
              <button type="button" aria-pressed={muted} onClick={() => setMuted((m) => !m)}>
                {muted ? 'Unmute cues' : 'Mute cues'}
              </button>
            )}
            <button type="button" onClick={stopEarly}>
              Stop now
            </button>
          </div>
        </div>
      )}
      {step.kind === 'after' && (
        <form onSubmit={(e) => void save(e)} noValidate>
          <Alert
            tone="success"
            title={`Done: ${formatCountdown(step.durationSeconds * 1000)} of slow breathing.`}
          />
          <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
          <NrsScale
            name="stressAfter"
            label="Stress now"
            {...STRESS_ENDS}
            value={afterValue}
            onChange={setAfterValue}
            error={state.fields['stressAfter']}
          />
          <div className="button-row">
            <button type="submit" className="primary" disabled={state.submitting}>
              {state.submitting ? 'Saving…' : 'Save this practice'}
            </button>
            <button type="button" onClick={again} disabled={state.submitting}>
              Discard
            </button>
          </div>
        </form>
      )}
      {step.kind === 'queued' && (
        <>
          <Alert tone="info" title="Practice kept on this device.">
            <p>{QUEUED_WORDS}</p>
          </Alert>
          <button type="button" onClick={again}>
            Practise again
          </button>
        </>
      )}
      {step.kind === 'saved' && (
        <>
          <Alert tone="success" title="Practice saved.">
            <p>
              Stress before {step.session.stressBefore}, after {step.session.stressAfter}
              {step.session.stressAfter < step.session.stressBefore
                ? ` — ${plural(step.session.stressBefore - step.session.stressAfter, 'point')} calmer.`
                : '.'}
            </p>
          </Alert>
          <button type="button" onClick={again}>
            Practise again
          </button>
        </>
      )}
    </section>
  );
}

interface SecondsInputProps {
  readonly name: string;
  readonly label: string;
  readonly range: { readonly min: number; readonly max: number };
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly error?: string | undefined;
}

/** A breath length in seconds, typed as the user likes and checked on Start. */
function SecondsInput({ name, label, range, value, onChange, error }: SecondsInputProps) {
  const id = fieldId(name);
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <span className="field-hint" id={`${id}-hint`}>
        {range.min} to {range.max}
      </span>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {sentence(error)}
        </span>
      )}
      <input
        id={id}
        name={name}
        inputMode="decimal"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
