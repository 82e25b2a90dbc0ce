import type { ExerciseSessionBody } from '../contract/exercise-session.js';
import type { ExerciseVariant } from './variants.js';
import type { StoppedEarly } from './session-record.js';

/** Seconds to get into position before each hold. */
export const COUNTDOWN_MS = 5_000;
/** Rest between sets. */
export const REST_MS = 30_000;

export interface SessionPlan {
  readonly variant: ExerciseVariant;
  readonly sets: number;
  readonly holdSeconds: number;
  /** Steps that get the user into place, shown one at a time before the first hold. */
  readonly stepCount: number;
}

export type Phase =
  | { readonly kind: 'pain-before' }
  | { readonly kind: 'step'; readonly index: number }
  | { readonly kind: 'countdown'; readonly set: number; readonly startedAt: number }
  | { readonly kind: 'hold'; readonly set: number; readonly startedAt: number }
  | { readonly kind: 'rest'; readonly afterSet: number; readonly startedAt: number }
  | { readonly kind: 'pain-after' }
  /** Ended by the user or by the last hold; the body is ready to save. */
  | { readonly kind: 'ended' };

export interface SessionState {
  readonly phase: Phase;
  readonly painBefore: number | null;
  readonly painAfter: number | null;
  /** Whole seconds held, one per set attempted. */
  readonly held: readonly number[];
  readonly stoppedEarly: StoppedEarly;
}

/** What just happened, so the screen can speak and announce it. */
export type SessionEvent = 'countdown' | 'hold' | 'rest' | 'last-hold-done';

export const initialState: SessionState = {
  phase: { kind: 'pain-before' },
  painBefore: null,
  painAfter: null,
  held: [],
  stoppedEarly: 'none',
};

/** Whole seconds held so far in the current hold, at most the planned hold. */
export function heldSoFar(phase: Phase, plan: SessionPlan, now: number): number {
  if (phase.kind !== 'hold') return 0;
  return Math.min(plan.holdSeconds, Math.max(0, Math.floor((now - phase.startedAt) / 1000)));
}

/** When the current timed phase ends, or null for the phases that wait for the user. */
export function phaseEnd(phase: Phase, plan: SessionPlan): number | null {
  switch (phase.kind) {
    case 'countdown':
      return phase.startedAt + COUNTDOWN_MS;
    case 'hold':
      return phase.startedAt + plan.holdSeconds * 1000;
    case 'rest':
      return phase.startedAt + REST_MS;
    case 'pain-before':
    case 'step':
    case 'pain-after':
    case 'ended':
      return null;
  }
}

/** The phase after a finished hold (or after one let go early). */
function afterHold(s: SessionState, plan: SessionPlan, set: number, heldSeconds: number, at: number) {
  const held = [...s.held, heldSeconds];
  const phase: Phase =
    set + 1 < plan.sets ? { kind: 'rest', afterSet: set, startedAt: at } : { kind: 'pain-after' };
  const event: SessionEvent = phase.kind === 'rest' ? 'rest' : 'last-hold-done';
  return { state: { ...s, held, phase }, event };
}

/**
 * Moves through every timed phase whose end has passed by `now`. Each next phase starts at the
 * exact end of the one before, not at `now`, so late ticks never stretch or shrink the timings,
 * and a tab woken after a long sleep catches up correctly.
 */
export function advance(
  state: SessionState,
  plan: SessionPlan,
  now: number,
): { state: SessionState; events: SessionEvent[] } {
  let s = state;
  const events: SessionEvent[] = [];
  for (;;) {
    const end = phaseEnd(s.phase, plan);
    if (end === null || now < end) return { state: s, events };
    const p = s.phase;
    if (p.kind === 'countdown') {
      s = { ...s, phase: { kind: 'hold', set: p.set, startedAt: end } };
      events.push('hold');
    } else if (p.kind === 'hold') {
      const next = afterHold(s, plan, p.set, plan.holdSeconds, end);
      s = next.state;
      events.push(next.event);
    } else if (p.kind === 'rest') {
      s = { ...s, phase: { kind: 'countdown', set: p.afterSet + 1, startedAt: end } };
      events.push('countdown');
    }
  }
}

export function setPainBefore(s: SessionState, pain: number): SessionState {
  return { ...s, painBefore: pain, phase: { kind: 'step', index: 0 } };
}

/** Next step, or the countdown to the first hold after the last step. */
export function nextStep(s: SessionState, plan: SessionPlan, now: number): SessionState {
  if (s.phase.kind !== 'step') return s;
  const index = s.phase.index + 1;
  return {
    ...s,
    phase: index < plan.stepCount ? { kind: 'step', index } : { kind: 'countdown', set: 0, startedAt: now },
  };
}

export function previousStep(s: SessionState): SessionState {
  if (s.phase.kind !== 'step' || s.phase.index === 0) return s;
  return { ...s, phase: { kind: 'step', index: s.phase.index - 1 } };
}

/** The user had to come out of the hold before the time was up: record what they held and go on. */
export function letGo(s: SessionState, plan: SessionPlan, now: number): SessionState {
  if (s.phase.kind !== 'hold') return s;
  return afterHold(s, plan, s.phase.set, heldSoFar(s.phase, plan, now), now).state;
}

/** Skip the rest of the rest (or the countdown) and go straight on. */
export function skipWait(s: SessionState, now: number): SessionState {
  if (s.phase.kind === 'rest')
    return { ...s, phase: { kind: 'countdown', set: s.phase.afterSet + 1, startedAt: now } };
  if (s.phase.kind === 'countdown')
    return { ...s, phase: { kind: 'hold', set: s.phase.set, startedAt: now } };
  return s;
}

/** Holds so far, counting a hold in progress with the seconds held until now. */
function heldUntilNow(s: SessionState, plan: SessionPlan, now: number): number[] {
  return s.phase.kind === 'hold' ? [...s.held, heldSoFar(s.phase, plan, now)] : [...s.held];
}

/** "End session" for any reason but pain: keep what was done, then ask pain after. */
export function endEarly(s: SessionState, plan: SessionPlan, now: number): SessionState {
  return { ...s, held: heldUntilNow(s, plan, now), stoppedEarly: 'other', phase: { kind: 'pain-after' } };
}

/** The stop button: ends at once, asks nothing more. */
export function stopForPain(s: SessionState, plan: SessionPlan, now: number): SessionState {
  return { ...s, held: heldUntilNow(s, plan, now), stoppedEarly: 'pain', phase: { kind: 'ended' } };
}

export function setPainAfter(s: SessionState, pain: number): SessionState {
  return { ...s, painAfter: pain, phase: { kind: 'ended' } };
}

/** What is POSTed when the session has ended. */
export function sessionBody(s: SessionState, plan: SessionPlan): ExerciseSessionBody {
  return {
    variant: plan.variant,
    plannedSets: plan.sets,
    plannedHoldSeconds: plan.holdSeconds,
    achievedHoldSeconds: s.held.slice(0, plan.sets),
    painBefore: s.painBefore,
    painAfter: s.painAfter,
    stoppedEarly: s.stoppedEarly,
  };
}
