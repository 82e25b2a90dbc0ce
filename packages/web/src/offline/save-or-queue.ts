import { verdictOf, type OutboxKind } from '@hipwise/core';
import { isApiError } from '../api';
import { send, type Answer, type Payload } from './senders';
import { outbox } from './sync';
import { FirstMade, withRecordedAt } from './recorded-at';

const firstMade = new FirstMade();

/** A write that reached the server, with its answer, or one kept on this device to be sent later. */
export type SaveResult<T> = { readonly status: 'sent'; readonly answer: T } | { readonly status: 'queued' };

/** What a screen says of a queued write. */
export const QUEUED_WORDS = 'Saved on this device. It will be sent when hipwise is back.';

/**
 * Sends a write now if hipwise answers; if it cannot be reached (or is busy), keeps the write on
 * this device to be sent in order later. Either way it carries the time it was made (`recordedAt`),
 * so the server dates it by when the user made it, not by when it arrived. Writes already waiting
 * go first, so a new one joins the queue behind them. A refusal (400, 409, 422) or a lost session
 * is thrown as an ApiError, as the API call would.
 */
export async function saveOrQueue<K extends OutboxKind>(
  kind: K,
  unstamped: Payload<K>,
  idempotencyKey: string | null,
): Promise<SaveResult<Answer<K>>> {
  // Dated now, before the first attempt: sent at once or kept for days, the same request.
  const payload = withRecordedAt(kind, unstamped, firstMade.of(idempotencyKey, new Date()));
  if (outbox.user === null) return { status: 'sent', answer: await send(kind, payload, idempotencyKey) };
  // A device that cannot keep anything (storage blocked) still sends as it always did.
  if (await outbox.hasWaiting().catch(() => false)) {
    await outbox.enqueue(kind, payload, idempotencyKey, { unreachable: false });
    return { status: 'queued' };
  }
  try {
    const answer = await send(kind, payload, idempotencyKey);
    outbox.markReachable(true);
    return { status: 'sent', answer };
  } catch (e) {
    // Nothing was stored under the key: saved again (a clock put right, say), it is made anew.
    if (isApiError(e) && verdictOf(e.status) === 'refused') firstMade.forget(idempotencyKey);
    if (!isApiError(e) || verdictOf(e.status) !== 'retry') throw e;
    try {
      await outbox.enqueue(kind, payload, idempotencyKey, { unreachable: e.status === 0 });
    } catch {
      throw e;
    }
    return { status: 'queued' };
  }
}
