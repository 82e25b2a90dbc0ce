import {
  afterAttempt,
  nextStep,
  refusedItems,
  retryDelayMs,
  waitingItems,
  type OutboxItem,
  type OutboxKind,
  type OutboxRefusal,
} from '@hipwise/core';
import { isApiError } from '../api';
import * as store from './db';
import { send, type Payload } from './senders';

export interface OutboxView {
  /** Writes of the signed-in user waiting on this device. */
  readonly waiting: number;
  /** Writes the server refused, kept until the user dismisses them. */
  readonly refused: readonly OutboxItem[];
  /** Writes sent by the last sync that emptied the queue, for "3 changes saved". */
  readonly saved: number;
  /** False from a failed attempt to reach hipwise until the next answer. */
  readonly reachable: boolean;
}

const EMPTY: OutboxView = { waiting: 0, refused: [], saved: 0, reachable: true };
/** The longest the loop sleeps while writes wait, whatever their backoff says. */
const FALLBACK_POLL_MS = 60_000;
const RETRY_FIRST_MS = retryDelayMs(1, 1);

/**
 * The device's queue for one signed-in user: what the offline banner shows, and the loop that
 * sends the waiting writes in order when `online` fires, when the page gets focus, and on a timer
 * while any wait.
 */
class OutboxSync {
  private userId: string | null = null;
  private view: OutboxView = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly sentListeners = new Set<() => void>();
  private timer: number | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private unannounced = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly getView = (): OutboxView => this.view;

  /** Called after a sync stored writes on the server, so screens can show them. */
  onSent(listener: () => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  get user(): string | null {
    return this.userId;
  }

  start(userId: string): () => void {
    this.userId = userId;
    this.unannounced = 0;
    this.set({ ...EMPTY, reachable: navigator.onLine });
    const online = () => void this.sync(true);
    const offline = () => this.set({ reachable: false });
    const visible = () => {
      if (document.visibilityState === 'visible') void this.sync(true);
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('focus', online);
    document.addEventListener('visibilitychange', visible);
    void this.sync(false);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('focus', online);
      document.removeEventListener('visibilitychange', visible);
      window.clearTimeout(this.timer);
      if (this.userId === userId) {
        this.userId = null;
        this.set(EMPTY);
      }
    };
  }

  /** Keeps a write on the device for the signed-in user, behind any already waiting. */
  async enqueue<K extends OutboxKind>(
    kind: K,
    payload: Payload<K>,
    idempotencyKey: string | null,
    opts: { readonly unreachable: boolean },
  ): Promise<void> {
    const userId = this.userId;
    if (!userId) throw new Error('No one is signed in to keep this for.');
    const now = Date.now();
    await store.addItem({
      userId,
      kind,
      body: payload,
      idempotencyKey,
      createdAt: now,
      attempts: opts.unreachable ? 1 : 0,
      serverFailures: 0,
      notBefore: opts.unreachable ? now + RETRY_FIRST_MS : 0,
      refused: null,
    });
    if (opts.unreachable) this.set({ reachable: false });
    await this.refresh();
    if (opts.unreachable) this.retryIn(RETRY_FIRST_MS);
    else void this.sync(true);
  }

  /**
   * Keeps a write the server refused outside this queue (the break coach sends its own events)
   * with the writes it refused, for the user to read and dismiss.
   */
  async keepRefused<K extends OutboxKind>(
    kind: K,
    payload: Payload<K>,
    refusal: OutboxRefusal,
  ): Promise<void> {
    const userId = this.userId;
    if (!userId) return;
    await store.addItem({
      userId,
      kind,
      body: payload,
      idempotencyKey: null,
      createdAt: Date.now(),
      attempts: 0,
      serverFailures: 0,
      notBefore: 0,
      refused: refusal,
    });
    await this.refresh();
  }

  async hasWaiting(): Promise<boolean> {
    const userId = this.userId;
    return userId !== null && waitingItems(await store.allItems(), userId).length > 0;
  }

  markReachable(reachable: boolean): void {
    if (this.view.reachable !== reachable) this.set({ reachable });
  }

  async dismiss(seq: number): Promise<void> {
    await store.deleteItem(seq);
    await this.refresh();
  }

  /**
   * Sends what waits, oldest first, until one fails; `force` (back online, back on the page) does
   * not wait for the backoff.
   */
  sync(force: boolean): Promise<void> {
    if (this.running) {
      this.again ||= force;
      return this.running;
    }
    const userId = this.userId;
    if (!userId) return Promise.resolve();
    window.clearTimeout(this.timer);
    this.running = this.locked(userId, () => this.drain(userId, force))
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.sync(true);
        }
      });
    return this.running;
  }

  /** Two tabs of one user must not send the same item at the same time. */
  private locked(userId: string, fn: () => Promise<void>): Promise<void> {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    return locks ? locks.request(`hipwise-outbox:${userId}`, fn) : fn();
  }

  private async drain(userId: string, force: boolean): Promise<void> {
    let sent = 0;
    for (;;) {
      if (this.userId !== userId) return;
      const items = await store.allItems();
      const step = nextStep(items, userId, Date.now(), force);
      if (step.do === 'nothing') break;
      if (step.do === 'wait') {
        this.retryIn(step.ms);
        break;
      }
      const item = step.item;
      let status = 200;
      let error = { code: '', message: '' };
      try {
        await send(item.kind, item.body as never, item.idempotencyKey);
      } catch (e) {
        status = isApiError(e) ? e.status : 0;
        error = isApiError(e)
          ? { code: e.code, message: e.message }
          : { code: 'network', message: 'Could not reach hipwise.' };
      }
      const after = afterAttempt(item, status, error, Date.now(), Math.random());
      this.markReachable(status !== 0);
      if (after.do === 'remove') {
        await store.deleteItem(item.seq);
        sent += 1;
        continue;
      }
      if (after.do === 'stop') break;
      await store.putItem(after.item);
      if (after.item.refused === null) {
        this.retryIn(after.item.notBefore - Date.now());
        break;
      }
    }
    await this.refresh(sent);
    if (sent > 0) for (const l of this.sentListeners) l();
  }

  private retryIn(ms: number): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.sync(false), Math.max(0, Math.min(ms, FALLBACK_POLL_MS)));
  }

  private async refresh(sentNow = 0): Promise<void> {
    const userId = this.userId;
    if (!userId) return;
    const items = await store.allItems();
    const waiting = waitingItems(items, userId).length;
    // "3 changes saved" counts every write sent since the queue last emptied, across syncs.
    this.unannounced += sentNow;
    let saved = this.view.saved;
    if (waiting > 0) saved = 0;
    else if (this.unannounced > 0) {
      saved = this.unannounced;
      this.unannounced = 0;
    }
    this.set({ waiting, refused: refusedItems(items, userId), saved });
  }

  /** The user has read "n changes saved". */
  clearSaved(): void {
    this.set({ saved: 0 });
  }

  private set(patch: Partial<OutboxView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }
}

/** The one queue of this tab; the signed-in user starts and stops it. */
export const outbox = new OutboxSync();
