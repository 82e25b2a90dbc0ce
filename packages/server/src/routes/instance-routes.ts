import { Hono } from 'hono';
import type { Instance } from '@hipwise/core';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { anyAccount } from '../repositories/users.js';

/**
 * What a logged-out visitor may know about this hipwise: whether anyone has an account yet, and
 * the name of its single sign-on (nothing else of its set-up).
 */
export function instanceRoutes(db: Database, sso: Instance['sso']) {
  return new Hono<AppEnv>().get('/', async (c) =>
    c.json({ accounts: await anyAccount(db), sso } satisfies Instance),
  );
}
