import { guidedSession } from '@hipwise/core';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { SessionClock } from '../session-clock';

type SessionState = guidedSession.SessionState;

/** Redraws per second of timer: often enough that the ring moves smoothly, cheap enough to ignore. */
const REDRAW_MS = 200;

export interface SessionMachine {
  readonly state: SessionState;
  /** The latest state, for callbacks that must not wait for a render. */
  readonly stateRef: RefObject<SessionState>;
  /** The clock's time at the last redraw or action. */
  readonly now: number;
  /** Applies a transition at the clock's current time. */
  readonly act: (f: (s: SessionState, t: number) => SessionState) => void;
}

/**
 * Runs core's guided-session machine in React: timed phases redraw on a short interval, and every
 * redraw recomputes the phase from timestamps (so a throttled tab never miscounts a hold).
 */
export function useSessionMachine(plan: guidedSession.SessionPlan, clock: SessionClock): SessionMachine {
  const [state, setState] = useState<SessionState>(guidedSession.initialState);
  const stateRef = useRef(state);
  const [now, setNow] = useState(() => clock.now());

  const commit = useCallback((s: SessionState) => {
    stateRef.current = s;
    setState(s);
  }, []);
  const act = useCallback(
    (f: (s: SessionState, t: number) => SessionState) => {
      const t = clock.now();
      setNow(t);
      commit(f(stateRef.current, t));
    },
    [clock, commit],
  );

  const timed = guidedSession.phaseEnd(state.phase, plan) !== null;
  useEffect(() => {
    if (!timed) return;
    return clock.every(REDRAW_MS, () => {
      const t = clock.now();
      setNow(t);
      const next = guidedSession.advance(stateRef.current, plan, t);
      if (next.state !== stateRef.current) commit(next.state);
    });
  }, [timed, clock, plan, commit]);

  return { state, stateRef, now, act };
}
