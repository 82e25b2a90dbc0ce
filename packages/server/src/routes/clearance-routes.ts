import { Hono } from 'hono';
import { clearanceBody } from '@hipwise/core';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody, requiredIdempotencyKey } from '../http/validate.js';
import type { ServiceDeps } from '../services/deps.js';
import { clearanceService } from '../services/clearance-service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Clinicians' clearances: record (POST), list (GET), withdraw (DELETE). */
export function clearanceRoutes(deps: ServiceDeps) {
  const clearances = clearanceService(deps);
  return new Hono<AppEnv>()
    .get('/clearances', async (c) => c.json({ clearances: await clearances.list(c.get('user')) }))
    .post('/clearances', async (c) => {
      const key = requiredIdempotencyKey(c, 'clearance');
      const clearance = await clearances.record(c.get('user'), await jsonBody(c, clearanceBody), key);
      return c.json({ clearance }, 201);
    })
    .delete('/clearances/:id', async (c) => {
      const id = c.req.param('id');
      // Not a uuid cannot be anyone's clearance; answer as for any unknown id.
      if (!UUID.test(id))
        throw new AppError('not_found', 'clearance_not_found', 'There is no such clearance.');
      return c.json({ clearance: await clearances.withdraw(c.get('user'), id) });
    });
}
