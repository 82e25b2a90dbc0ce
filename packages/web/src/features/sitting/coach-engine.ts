import {
  initialState,
  schedulerStatus,
  step,
  type BreakKind,
  type MicroRule,
  type RefusalReason,
  type SchedulerConfig,
  type SchedulerEvent,
  type SchedulerState,
  type SchedulerStatus,
  type StoredBreakEvent,
} from '@hipwise/core';

/**
 * Runs the core break scheduler in the browser: feeds it events, carries out its effects (break
 * screen, notifications, storing events), keeps its state in localStorage so a reload continues,
 * and sends recorded events to the server in batches with retries. No React here; the clock and
 * timers are injected (the browser's own, which Playwright's page.clock replaces in e2e).
 */

export interface BreakScreen {
  readonly kind: BreakKind;
  readonly startedAt: number;
  readonly endsAt: number;
  readonly rules: readonly MicroRule[];
}

export interface CoachView {
  readonly state: SchedulerState;
  readonly config: SchedulerConfig;
  readonly screen: BreakScreen | null;
  /** A reminder without a screen (stand up / sit down), or word that a break is over. */
  readonly toast: { readonly id: number; readonly text: string } | null;
  readonly refusal: { readonly event: SchedulerEvent['type']; readonly reason: RefusalReason } | null;
  /** Events recorded but not yet stored on the server. */
  readonly unsent: number;
  /** The last send failed; it is retried by itself. */
  readonly sendFailed: boolean;
  /** Bumped whenever events reach the server, so statistics on screen can refresh. */
  readonly sentVersion: number;
}

export interface CoachDeps {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  post(events: readonly StoredBreakEvent[]): Promise<void>;
  /** Show a system notification if allowed and useful (the page is not in front). */
  notify(text: string): void;
  /** An error from `post` that means the session is gone: stop sending. */
  isFatal(error: unknown): boolean;
  /**
   * An error from `post` that means the server will never take this batch (a time outside its
   * bounds): retried, it would hold back every event after it for good.
   */
  isRefusal(error: unknown): boolean;
  /** Keeps a refused batch where the user reads why and dismisses it, as other refused writes. */
  keepRefused(events: readonly StoredBreakEvent[], error: unknown): Promise<void>;
}

interface Saved {
  readonly v: 1;
  readonly state: SchedulerState;
  readonly screen: BreakScreen | null;
  readonly outbox: readonly StoredBreakEvent[];
}

/** Never wait longer than this between ticks: a missed timer (sleep, throttling) heals quickly. */
const MAX_TIMER_MS = 30_000;
const BATCH = 100;
const RETRY_MS = [5_000, 15_000, 60_000, 300_000] as const;

export const storageKey = (userId: string) => `hipwise.break-coach.v1.${userId}`;

function load(storage: CoachDeps['storage'], key: string): Saved | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const saved = JSON.parse(raw) as Saved;
    return saved?.v === 1 && saved.state?.v === 1 && Array.isArray(saved.outbox) ? saved : null;
  } catch {
    return null;
  }
}

export class CoachEngine {
  private view: CoachView;
  private readonly listeners = new Set<() => void>();
  private readonly key: string;
  private outbox: StoredBreakEvent[];
  private wakeAt: number | null = null;
  private timer: number | null = null;
  private retryTimer: number | null = null;
  private sending = false;
  private failures = 0;
  private stopped = false;
  private toastId = 0;

  constructor(
    userId: string,
    config: SchedulerConfig,
    private readonly deps: CoachDeps,
  ) {
    this.key = storageKey(userId);
    const saved = load(deps.storage, this.key);
    const now = deps.now();
    this.outbox = saved ? [...saved.outbox] : [];
    this.view = {
      state: saved?.state ?? initialState(config, now),
      config,
      screen: saved?.screen ?? null,
      toast: null,
      refusal: null,
      unsent: this.outbox.length,
      sendFailed: false,
      sentVersion: 0,
    };
    if (saved) {
      // The page was closed or reloaded: the user was last seen at their last input. Saying so
      // dates any absence from then (a long one is a natural break) instead of counting the gap
      // as work and firing a break the moment the page opens.
      this.send({ type: 'idle', at: now, since: saved.state.lastInputAt || now });
    }
    // Opening the app is input.
    this.send({ type: 'activity', at: now });
    void this.flush();
  }

  get snapshot(): CoachView {
    return this.view;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(at = this.deps.now()): SchedulerStatus {
    return schedulerStatus(this.view.state, this.view.config, at);
  }

  now(): number {
    return this.deps.now();
  }

  /** Feed one event (its time is taken now if not given) and carry out what follows. */
  send(event: SchedulerEvent): void {
    if (this.stopped) return;
    const { state, effects } = step(this.view.state, event, this.view.config);
    let screen = this.view.screen;
    let toast = this.view.toast;
    let refusal: CoachView['refusal'] = null;
    this.wakeAt = null;
    for (const fx of effects) {
      switch (fx.type) {
        case 'notify':
          this.deps.notify(fx.text);
          if (fx.kind === 'stand' || fx.kind === 'sit') toast = { id: ++this.toastId, text: fx.text };
          break;
        case 'show-break':
          screen = { kind: fx.kind, startedAt: state.at, endsAt: fx.endsAt, rules: fx.rules };
          break;
        case 'hide-break':
          if (screen && event.type === 'tick' && state.at >= screen.endsAt)
            toast = { id: ++this.toastId, text: 'Break over. Welcome back.' };
          screen = null;
          break;
        case 'record':
          this.outbox.push(fx.event);
          break;
        case 'schedule-wake':
          this.wakeAt = fx.at;
          break;
        case 'refused':
          refusal = { event: fx.event, reason: fx.reason };
          break;
      }
    }
    this.update({ state, screen, toast, refusal, unsent: this.outbox.length });
    this.arm();
    if (effects.some((fx) => fx.type === 'record')) void this.flush();
  }

  setConfig(config: SchedulerConfig): void {
    this.update({ config });
    this.send({ type: 'config-changed', at: this.deps.now() });
  }

  dismissToast(): void {
    this.update({ toast: null });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    if (this.retryTimer !== null) this.deps.clearTimeout(this.retryTimer);
    this.listeners.clear();
  }

  /**
   * Sends what is waiting, oldest first, in batches; on failure keeps it and tries again later. A
   * batch the server refuses is handed on to be shown, and the next is sent.
   */
  async flush(): Promise<void> {
    if (this.sending || this.stopped || this.outbox.length === 0) return;
    this.sending = true;
    try {
      while (this.outbox.length > 0 && !this.stopped) {
        const batch = this.outbox.slice(0, BATCH);
        try {
          await this.deps.post(batch);
        } catch (e) {
          if (!this.deps.isRefusal(e)) throw e;
          // Even if it cannot be kept (storage blocked), it goes: the events after it can be stored.
          await this.deps.keepRefused(batch, e).catch(() => undefined);
        }
        // New events are only ever appended, so the batch is still at the front.
        this.outbox = this.outbox.slice(batch.length);
        this.failures = 0;
        this.update({
          unsent: this.outbox.length,
          sendFailed: false,
          sentVersion: this.view.sentVersion + 1,
        });
      }
    } catch (e) {
      if (this.deps.isFatal(e)) {
        this.stop();
        return;
      }
      const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)] ?? 300_000;
      this.failures += 1;
      this.update({ sendFailed: true });
      if (this.retryTimer !== null) this.deps.clearTimeout(this.retryTimer);
      this.retryTimer = this.deps.setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, wait);
    } finally {
      this.sending = false;
    }
  }

  /** Try sending now (the browser came back online). */
  retryNow(): void {
    if (this.retryTimer !== null) {
      this.deps.clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    void this.flush();
  }

  private update(patch: Partial<CoachView>): void {
    this.view = { ...this.view, ...patch };
    const saved: Saved = { v: 1, state: this.view.state, screen: this.view.screen, outbox: this.outbox };
    try {
      this.deps.storage.setItem(this.key, JSON.stringify(saved));
    } catch {
      // Storage full or blocked (private mode): the coach still runs, it just forgets on reload.
    }
    for (const l of this.listeners) l();
  }

  /** One timer, for the earlier of the scheduler's wake-up and a regular check. */
  private arm(): void {
    if (this.stopped) return;
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    const now = this.deps.now();
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, (this.wakeAt ?? Infinity) - now));
    this.timer = this.deps.setTimeout(() => {
      this.timer = null;
      this.send({ type: 'tick', at: this.deps.now() });
    }, delay);
  }
}
