import type { BreakSettings } from '@hipwise/core';
import type { Queryable } from '../db/database.js';

/** The stored settings JSON (already validated on save), or undefined when none were saved. */
export async function findBreakSettings(q: Queryable, userId: string): Promise<unknown> {
  const rows = await q.query<{ settings: unknown }>(
    'SELECT settings FROM break_settings WHERE user_id = $1',
    [userId],
  );
  return rows[0]?.settings;
}

export async function saveBreakSettings(
  q: Queryable,
  s: { userId: string; settings: BreakSettings; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO break_settings (user_id, settings, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at`,
    [s.userId, JSON.stringify(s.settings), s.now],
  );
}
