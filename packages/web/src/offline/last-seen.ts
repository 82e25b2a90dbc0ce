import { verdictOf } from '@hipwise/core';
import { isApiError } from '../api';
import type { Schema } from '../api/http';
import { deleteLastSeen, readLastSeen, writeLastSeen } from './db';
import { outbox } from './sync';

/** An answer from the server, or the last one this device saw (`asOf`, epoch ms) when it cannot answer. */
export interface Seen<T> {
  readonly data: T;
  readonly asOf: number | null;
}

/**
 * Loads `what` for user `userId` and keeps a copy on the device; when hipwise cannot be
 * reached, answers with that copy instead of an error. The copy is checked against `schema`
 * again, since it may come from an older version of the app.
 */
export async function withLastSeen<T>(
  userId: string,
  what: string,
  schema: Schema<T>,
  load: () => Promise<T>,
): Promise<Seen<T>> {
  try {
    const data = await load();
    outbox.markReachable(true);
    void writeLastSeen({ userId, what, data, at: Date.now() }).catch(() => undefined);
    return { data, asOf: null };
  } catch (e) {
    if (!isApiError(e) || verdictOf(e.status) !== 'retry') throw e;
    const saved = await readLastSeen(userId, what).catch(() => undefined);
    const parsed = saved && schema.safeParse(saved.data);
    if (!saved || !parsed?.success) throw e;
    outbox.markReachable(false);
    return { data: parsed.data, asOf: saved.at };
  }
}

/** Drops one kept answer, e.g. who was signed in once the session has ended. */
export async function forgetLastSeen(userId: string, what: string): Promise<void> {
  await deleteLastSeen(userId, what).catch(() => undefined);
}
