import { sendOrRun, type Queryable } from '../db/database.js';

export interface StoredResponse {
  requestHash: string;
  status: number;
  response: unknown;
}

/**
 * Claims `key` for this request inside the caller's transaction. Returns undefined when the claim
 * is ours; otherwise the response stored by the request that claimed it first. On PostgreSQL a
 * concurrent claimer blocks on the primary key until the first transaction ends, so it always
 * sees a finished response.
 */
export async function claimIdempotencyKey(
  q: Queryable,
  k: { userId: string; key: string; requestHash: string; now: Date },
): Promise<StoredResponse | undefined> {
  const claimed = await q.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at)
     VALUES ($1, $2, $3, 0, 'null', $4) ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
    [k.userId, k.key, k.requestHash, k.now],
  );
  if (claimed.length > 0) return undefined;
  const rows = await q.query<{ request_hash: string; status: number; response: unknown }>(
    'SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
    [k.userId, k.key],
  );
  const r = rows[0]!;
  return { requestHash: r.request_hash, status: r.status, response: r.response };
}

/**
 * Fills in the claimed key's response. Sent without waiting where the database allows, so it
 * travels with the COMMIT that follows; a failure still fails the transaction (db/database.ts).
 */
export async function storeIdempotentResponse(
  q: Queryable,
  k: { userId: string; key: string; status: number; response: unknown },
): Promise<void> {
  await sendOrRun(q, 'UPDATE idempotency_keys SET status = $3, response = $4 WHERE user_id = $1 AND key = $2', [
    k.userId,
    k.key,
    k.status,
    JSON.stringify(k.response),
  ]);
}
