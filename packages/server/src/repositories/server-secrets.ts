import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/**
 * The secret called `name`, made on first use. Every process on the database reads the same one:
 * the first to insert wins and the others read its value.
 */
export async function serverSecret(q: Queryable, name: string): Promise<Buffer> {
  await q.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    randomBytes(32).toString('base64url'),
  ]);
  const rows = await q.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [name]);
  return Buffer.from(rows[0]!.value, 'base64url');
}
