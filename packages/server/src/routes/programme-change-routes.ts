import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { ServiceDeps } from '../services/deps.js';
import { programmeChangesFor } from '../repositories/programme-changes.js';

/** GET /api/me/programme-changes: every change a clinician made to my programme, newest first. */
export function programmeChangeRoutes({ db }: ServiceDeps) {
  return new Hono<AppEnv>().get('/', async (c) =>
    c.json({ changes: (await programmeChangesFor(db, c.get('user').id)).reverse() }),
  );
}
