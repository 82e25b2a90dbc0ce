import { useSyncExternalStore } from 'react';
import type { CoachEngine, CoachView } from './coach-engine';
import type { IdlePermission } from '../../lib/idle-detection';

/**
 * Where the one running coach (started by <BreakCoach/> at app level) is found by the screens
 * that show or steer it (the /sitting page, the Today card). BreakCoach is not their ancestor,
 * so this is a tiny external store rather than a React context.
 */

export interface CoachHandle {
  readonly engine: CoachEngine;
  readonly timeZone: string;
  /** Start system-wide idle detection (after the user allowed it). */
  readonly enableIdleDetection: () => Promise<boolean>;
}

export interface CoachSnapshot {
  /** 'waiting': signed in, but another tab runs the coach (or it is still starting). */
  readonly status: 'off' | 'starting' | 'running' | 'disabled';
  /** Bumped to make <BreakCoach/> start again, e.g. after reminders are switched on or off. */
  readonly epoch: number;
  readonly handle: CoachHandle | null;
  readonly view: CoachView | null;
  readonly presence: { readonly idle: IdlePermission; readonly systemWide: boolean };
}

const OFF: CoachSnapshot = {
  status: 'off',
  epoch: 0,
  handle: null,
  view: null,
  presence: { idle: 'unsupported', systemWide: false },
};

let snapshot: CoachSnapshot = OFF;
const listeners = new Set<() => void>();
let unsubscribeEngine: (() => void) | null = null;

function emit(next: CoachSnapshot): void {
  snapshot = next;
  for (const l of listeners) l();
}

export const coachStore = {
  starting(): void {
    emit({ ...OFF, epoch: snapshot.epoch, status: 'starting' });
  },
  /** The user turned reminders off: nothing runs until they turn them on. */
  disabled(): void {
    emit({ ...OFF, epoch: snapshot.epoch, status: 'disabled' });
  },
  restart(): void {
    emit({ ...snapshot, epoch: snapshot.epoch + 1 });
  },
  run(handle: CoachHandle): void {
    unsubscribeEngine?.();
    unsubscribeEngine = handle.engine.subscribe(() => emit({ ...snapshot, view: handle.engine.snapshot }));
    emit({ ...snapshot, status: 'running', handle, view: handle.engine.snapshot });
  },
  presence(presence: CoachSnapshot['presence']): void {
    emit({ ...snapshot, presence });
  },
  off(): void {
    unsubscribeEngine?.();
    unsubscribeEngine = null;
    emit({ ...OFF, epoch: snapshot.epoch });
  },
};

export function useCoach(): CoachSnapshot {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}
