import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Database, Queryable } from '../db/database.js';
import { findIdempotencyKey, insertIdempotencyKey } from '../repositories/idempotency-keys.js';

export interface Outcome<B> {
  status: 200 | 201;
  body: B;
}

/**
 * Runs `write` once per (user, key), in a transaction of its own: a retry with the same key and
 * body gets the first answer; the same key with another body is refused. `what` names the thing
 * in the error message ("check-in", "questionnaire", "practice session").
 *
 * The write goes first and the key is stored with its answer in the same transaction, so a
 * retry never writes twice; why this order: docs/decisions/idempotent-writes.md.
 */
export async function once<B>(
  db: Database,
  k: IdempotentRequest,
  write: (tx: Queryable) => Promise<Outcome<B>>,
): Promise<Outcome<B>> {
  const hash = requestHash(k.request);
  try {
    return await db.transaction(async (tx) => {
      const result = await write(tx);
      await insertIdempotencyKey(tx, {
        ...k,
        requestHash: hash,
        status: result.status,
        response: result.body,
      });
      return result;
    });
  } catch (err) {
    return earlierAnswer(db, k, hash, err);
  }
}

export interface IdempotentRequest {
  userId: string;
  key: string;
  request: unknown;
  now: Date;
  what: string;
}

export const requestHash = (request: unknown): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('hex');

/**
 * After a write under `k` failed: the answer stored under the key, if the same request stored
 * one; a refusal if another request did; else the write's own error, `err`.
 */
export async function earlierAnswer<B>(
  db: Database,
  k: IdempotentRequest,
  hash: string,
  err: unknown,
): Promise<Outcome<B>> {
  // If even the lookup fails, the write's own error is the one worth reporting.
  const earlier = await findIdempotencyKey(db, k.userId, k.key).catch(() => undefined);
  if (!earlier) throw err;
  if (earlier.requestHash !== hash) {
    throw new AppError(
      'validation',
      'idempotency_key_reused',
      `This Idempotency-Key was already used for a different ${k.what}. Send a new key for a new one.`,
    );
  }
  return { status: earlier.status as 200 | 201, body: earlier.response as B };
}
