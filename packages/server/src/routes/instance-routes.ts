import { Hono } from 'hono';
import type { Instance } from '@hipwise/core';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { readInstanceSettings } from '../repositories/instance-settings.js';
import { anyAccount } from '../repositories/users.js';

/**
 * What a logged-out visitor may know about this hipwise: whether anyone has an account yet, and
 * how new accounts are made, and the name of its single sign-on (nothing else of its set-up).
 */
export function instanceRoutes(db: Database, sso: Instance['sso']) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const [accounts, settings] = await Promise.all([anyAccount(db), readInstanceSettings(db)]);
    return c.json({ accounts, ...settings, sso } satisfies Instance);
  });
}
