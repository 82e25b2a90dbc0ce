import type { InstanceSettings } from '@hipwise/core';
import type { Queryable } from '../db/database.js';

/** No row yet means the defaults: anyone may sign up, and local passwords sign in. */
export const DEFAULT_INSTANCE_SETTINGS: InstanceSettings = { signupPolicy: 'open', localSignIn: true };

export async function readInstanceSettings(q: Queryable): Promise<InstanceSettings> {
  const rows = await q.query<{ signup_policy: InstanceSettings['signupPolicy']; local_sign_in: boolean }>(
    'SELECT signup_policy, local_sign_in FROM instance_settings',
  );
  const row = rows[0];
  return row
    ? { signupPolicy: row.signup_policy, localSignIn: row.local_sign_in }
    : { ...DEFAULT_INSTANCE_SETTINGS };
}

export async function writeInstanceSettings(
  q: Queryable,
  settings: InstanceSettings,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO instance_settings (singleton, signup_policy, local_sign_in, updated_at)
     VALUES (true, $1, $2, $3)
     ON CONFLICT (singleton) DO UPDATE
       SET signup_policy = EXCLUDED.signup_policy, local_sign_in = EXCLUDED.local_sign_in,
           updated_at = EXCLUDED.updated_at`,
    [settings.signupPolicy, settings.localSignIn, now],
  );
}
