import { schedulerConfig, SITTING_RULES, verdictOf } from '@hipwise/core';
import { useEffect, useRef } from 'react';
import { isApiError, sittingApi } from '../../api';
import { useSession } from '../auth/session';
import { BreakScreen } from './BreakScreen';
import { CoachEngine, storageKey } from './coach-engine';
import { coachStore, useCoach } from './coach-store';
import { CoachToast } from './CoachToast';
import { idlePermission, requestIdlePermission } from '../../lib/idle-detection';
import { showAppNotification } from '../../lib/notify';
import { watchPresence } from './presence';
import { saveOrQueue } from '../../offline/save-or-queue';
import { outbox } from '../../offline/sync';

export const RULE_TEXTS = SITTING_RULES.map((r) => r.title);
const SETTINGS_RETRY_MS = 30_000;

function notify(text: string): void {
  // In front of the user the break screen says it already; a notification is for when it is not.
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  void showAppNotification({ title: 'hipwise', body: text, tag: 'hipwise-break' });
}

/**
 * Tells the scheduler how many walking breaks the server has as skipped today, so a coach started
 * afresh (after a log-in, on another device) offers only the skips left. Best effort: without an
 * answer the coach runs on what this browser knows.
 */
async function seedSkips(engine: CoachEngine, signal: AbortSignal): Promise<void> {
  try {
    const stats = await sittingApi.stats(1, signal);
    const today = stats.days.find((d) => d.date === stats.today);
    if (today && !signal.aborted)
      engine.send({ type: 'skips-recorded', at: Date.now(), count: today.walk.skipped });
  } catch {
    // Offline or signed out: the allowance stays as this browser counted it.
  }
}

/** Runs one coach per signed-in user: in this tab, or (if another tab has it) not at all. */
function runCoach(userId: string, timeZone: string): () => void {
  const controller = new AbortController();
  let cleanup: (() => void) | null = null;
  let retry: number | undefined;
  coachStore.starting();

  async function start(): Promise<void> {
    let settings;
    try {
      settings = (await sittingApi.settings(controller.signal)).settings;
    } catch (e) {
      if (controller.signal.aborted || (isApiError(e) && e.isUnauthenticated)) return;
      retry = window.setTimeout(() => void start(), SETTINGS_RETRY_MS);
      return;
    }
    if (controller.signal.aborted) return;
    if (!settings.enabled) {
      coachStore.disabled();
      return;
    }
    const engine = new CoachEngine(userId, schedulerConfig(settings, timeZone, RULE_TEXTS), {
      now: () => Date.now(),
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      storage: window.localStorage,
      // Without hipwise, the events move on into the device's queue of writes and go with it.
      post: async (events) => {
        await saveOrQueue('break-events', events, null);
      },
      notify,
      isFatal: (e) => isApiError(e) && e.isUnauthenticated,
      isRefusal: (e) => isApiError(e) && verdictOf(e.status) === 'refused',
      keepRefused: (events, e) =>
        outbox.keepRefused('break-events', events, {
          status: isApiError(e) ? e.status : 0,
          code: isApiError(e) ? e.code : 'refused',
          message: e instanceof Error ? e.message : 'hipwise did not take these break events.',
        }),
    });
    const presence = watchPresence({
      now: () => Date.now(),
      send: (event) => engine.send(event),
      setInterval: (fn, ms) => window.setInterval(fn, ms),
      clearInterval: (id) => window.clearInterval(id),
    });
    const onOnline = () => engine.retryNow();
    window.addEventListener('online', onOnline);
    const enableIdleDetection = async () => {
      const state = await requestIdlePermission();
      const systemWide = state === 'granted' ? await presence.useIdleDetector() : false;
      coachStore.presence({ idle: state, systemWide });
      return systemWide;
    };
    cleanup = () => {
      window.removeEventListener('online', onOnline);
      presence.stop();
      engine.stop();
    };
    coachStore.run({ engine, timeZone, enableIdleDetection });
    void seedSkips(engine, controller.signal);
    const idle = await idlePermission();
    if (controller.signal.aborted) return;
    const systemWide = idle === 'granted' ? await presence.useIdleDetector() : false;
    coachStore.presence({ idle, systemWide });
  }

  // Two tabs must not both remind: the Web Locks API lets one tab hold the coach at a time; the
  // next takes over when it closes.
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks) {
    locks
      .request(`hipwise-break-coach:${userId}`, { signal: controller.signal }, async () => {
        await start();
        await new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve()));
      })
      .catch(() => undefined);
  } else {
    void start();
  }

  return () => {
    controller.abort();
    window.clearTimeout(retry);
    cleanup?.();
    coachStore.off();
  };
}

/** The break scheduler running in the background on every page while signed in. */
export function BreakCoach() {
  const { state } = useSession();
  const me = state.status === 'ready' ? state.me : null;
  const onboarded = Boolean(me?.screening && me.baseline);
  const userId = onboarded ? (me?.user.id ?? null) : null;
  const timeZone = me?.user.timeZone ?? 'UTC';

  const coach = useCoach();
  const { epoch } = coach;
  useEffect(() => {
    if (!userId) return;
    return runCoach(userId, timeZone);
  }, [userId, timeZone, epoch]);

  // Logging out (or deleting the account) leaves nothing of the coach behind on a shared computer.
  const lastUser = useRef<string | null>(null);
  const anonymous = state.status === 'anonymous';
  useEffect(() => {
    if (userId) lastUser.current = userId;
    else if (anonymous && lastUser.current) {
      window.localStorage.removeItem(storageKey(lastUser.current));
      lastUser.current = null;
    }
  }, [userId, anonymous]);

  if (!userId || coach.status !== 'running' || !coach.handle || !coach.view) return null;
  return (
    <>
      <BreakScreen engine={coach.handle.engine} view={coach.view} />
      <CoachToast engine={coach.handle.engine} toast={coach.view.toast} />
    </>
  );
}
