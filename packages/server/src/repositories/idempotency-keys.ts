import { sendOrRun, type Queryable } from '../db/database.js';

export interface StoredResponse {
  requestHash: string;
  status: number;
  response: unknown;
}

/**
 * Records the key with the answer of the write it belongs to, inside that write's transaction.
 * No ON CONFLICT: a key that is already there (or being stored by a concurrent transaction, which
 * PostgreSQL waits for) fails the statement, and with it the whole transaction. Sent without
 * waiting where the database allows, so it travels with the COMMIT that follows.
 */
export async function insertIdempotencyKey(
  q: Queryable,
  k: { userId: string; key: string; requestHash: string; status: number; response: unknown; now: Date },
): Promise<void> {
  await sendOrRun(
    q,
    `INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [k.userId, k.key, k.requestHash, k.status, JSON.stringify(k.response), k.now],
  );
}

export async function findIdempotencyKey(
  q: Queryable,
  userId: string,
  key: string,
): Promise<StoredResponse | undefined> {
  const rows = await q.query<{ request_hash: string; status: number; response: unknown }>(
    'SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
    [userId, key],
  );
  const r = rows[0];
  return r && { requestHash: r.request_hash, status: r.status, response: r.response };
}
