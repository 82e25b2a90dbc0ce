import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Queryable } from '../db/database.js';
import { claimIdempotencyKey, storeIdempotentResponse } from '../repositories/idempotency-keys.js';

export interface Outcome<B> {
  status: 200 | 201;
  body: B;
}

/**
 * Runs `write` once per (user, key) inside the caller's transaction: a retry with the same key and
 * body gets the first answer; the same key with another body is refused. The key and the write
 * commit together, so a retry never writes twice. `what` names the thing in the error message
 * ("check-in", "questionnaire", "practice session").
 */
export async function once<B>(
  tx: Queryable,
  k: { userId: string; key: string; request: unknown; now: Date; what: string },
  write: () => Promise<Outcome<B>>,
): Promise<Outcome<B>> {
  const requestHash = createHash('sha256').update(JSON.stringify(k.request)).digest('hex');
  const earlier = await claimIdempotencyKey(tx, { userId: k.userId, key: k.key, requestHash, now: k.now });
  if (earlier) {
    if (earlier.requestHash !== requestHash) {
      throw new AppError(
        'validation',
        'idempotency_key_reused',
        `This Idempotency-Key was already used for a different ${k.what}. Send a new key for a new one.`,
      );
    }
    return { status: earlier.status as 200 | 201, body: earlier.response as B };
  }
  const result = await write();
  await storeIdempotentResponse(tx, {
    userId: k.userId,
    key: k.key,
    status: result.status,
    response: result.body,
  });
  return result;
}
