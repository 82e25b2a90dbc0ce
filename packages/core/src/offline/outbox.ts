/**
 * The rules of the browser's outbox: writes the user made while hipwise could not be reached wait
 * on the device and are sent in the order they were made once it answers again. Storage, the
 * clock and randomness stay outside: the caller passes the items, `now` and a random number.
 * An item waits however long it takes; it carries the time it was made (`recordedAt`), which the
 * server takes up to RECORDED_AT_MAX_AGE_DAYS back, so an older one comes back refused and is shown.
 */

/** The writes that may wait on the device. */
export const OUTBOX_KINDS = [
  'checkin',
  'exercise-session',
  'break-events',
  'stress-session',
  'questionnaire',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** Why the server refused an item, as the user is shown it. */
export interface OutboxRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export interface OutboxItem<B = unknown> {
  /** The order the writes were made in; the store assigns it, increasing. */
  readonly seq: number;
  /** The account that made the write: only its own session ever sends it. */
  readonly userId: string;
  readonly kind: OutboxKind;
  readonly body: B;
  /** Sent on every attempt, so the server stores the write once however often it is tried. */
  readonly idempotencyKey: string | null;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Attempts that may succeed later: they set the wait before the next one. */
  readonly attempts: number;
  /** Of those, the ones the server answered with an error (not network failures). */
  readonly serverFailures: number;
  /** No automatic attempt before this (epoch ms); `online` and focus try at once anyway. */
  readonly notBefore: number;
  /** Set once the server refused it: kept for the user to review or dismiss, never sent again. */
  readonly refused: OutboxRefusal | null;
}

/** What one attempt to send an item means for it. */
export type Verdict = 'sent' | 'retry' | 'refused' | 'signed-out';

/**
 * An HTTP status (0: no answer at all) read as a verdict. No answer, a busy or restarting server
 * (502-504) and a rate limit (429) are passing; 401 means the session is gone, so sending stops
 * until the same user logs in again; any other 4xx is the server saying no to this write.
 */
export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  if (status === 401) return 'signed-out';
  return 'refused';
}

export const RETRY_BASE_MS = 5_000;
export const RETRY_MAX_MS = 5 * 60_000;
/**
 * A server that answers with an error this many times in a row for one item (500, 502...) is not
 * going to take it: it is shown to the user as refused rather than holding back every later write.
 * Network failures do not count: being offline for a week is normal.
 */
export const MAX_SERVER_FAILURES = 8;

/**
 * The wait after `attempts` failed attempts: doubling from 5 s up to 5 minutes, spread by `random`
 * (0 to 1) over its upper half so many devices coming back together do not knock together.
 */
export function retryDelayMs(attempts: number, random: number): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(20, Math.max(0, attempts - 1)));
  return Math.round(base * (0.5 + 0.5 * Math.min(1, Math.max(0, random))));
}

/** The items of `userId` still to be sent, oldest first. */
export function waitingItems<B>(items: readonly OutboxItem<B>[], userId: string): OutboxItem<B>[] {
  return items.filter((i) => i.userId === userId && i.refused === null).sort((a, b) => a.seq - b.seq);
}

/** The items of `userId` the server refused, oldest first. */
export function refusedItems<B>(items: readonly OutboxItem<B>[], userId: string): OutboxItem<B>[] {
  return items.filter((i) => i.userId === userId && i.refused !== null).sort((a, b) => a.seq - b.seq);
}

export type NextStep<B> =
  | { readonly do: 'send'; readonly item: OutboxItem<B> }
  | { readonly do: 'wait'; readonly ms: number }
  | { readonly do: 'nothing' };

/**
 * What to do now: send the oldest waiting item, or wait until it may be tried again. Later items
 * never overtake it, so the server sees the writes in the order they were made. `force` (the
 * browser says it is online again, the user came back to the page) skips the wait.
 */
export function nextStep<B>(
  items: readonly OutboxItem<B>[],
  userId: string,
  now: number,
  force = false,
): NextStep<B> {
  const head = waitingItems(items, userId)[0];
  if (!head) return { do: 'nothing' };
  if (force || head.notBefore <= now) return { do: 'send', item: head };
  return { do: 'wait', ms: head.notBefore - now };
}

export type AfterAttempt<B> =
  | { readonly do: 'remove' }
  | { readonly do: 'keep'; readonly item: OutboxItem<B> }
  /** The session is gone: keep the item as it is and send nothing more until a new log-in. */
  | { readonly do: 'stop' };

/** The item after one attempt answered with `status` (0: no answer), and `error` if refused. */
export function afterAttempt<B>(
  item: OutboxItem<B>,
  status: number,
  error: Omit<OutboxRefusal, 'status'>,
  now: number,
  random: number,
): AfterAttempt<B> {
  const verdict = verdictOf(status);
  switch (verdict) {
    case 'sent':
      return { do: 'remove' };
    case 'signed-out':
      return { do: 'stop' };
    case 'refused':
      return { do: 'keep', item: { ...item, refused: { status, ...error } } };
    case 'retry': {
      const attempts = item.attempts + 1;
      const serverFailures = item.serverFailures + (status === 0 ? 0 : 1);
      if (serverFailures >= MAX_SERVER_FAILURES) {
        return { do: 'keep', item: { ...item, attempts, serverFailures, refused: { status, ...error } } };
      }
      const notBefore = now + retryDelayMs(attempts, random);
      return { do: 'keep', item: { ...item, attempts, serverFailures, notBefore } };
    }
    default: {
      const never: never = verdict;
      return never;
    }
  }
}
