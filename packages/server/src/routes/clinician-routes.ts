import { Hono, type Context } from 'hono';
import { caseloadQuery, programmeChangeBody } from '@hipwise/core';
import type { FeatureConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';
import { requireRole } from '../http/roles.js';
import { jsonBody, queryParams, requiredIdempotencyKey } from '../http/validate.js';
import { clinicianService, type Asker } from '../services/clinician-service.js';
import type { ServiceDeps } from '../services/deps.js';
import { download } from './measure-routes.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id cannot be anyone's: it answers as an unknown member does. */
function memberId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw new AppError('not_found', 'member_not_found', 'There is no such member.');
  return id;
}

/** /api/clinician/*: for clinicians only; anyone else gets the 404 of an unknown endpoint. */
export function clinicianRoutes(deps: ServiceDeps, features: FeatureConfig, trustProxy: boolean) {
  const clinician = clinicianService(deps, features);
  const asker = (c: Context<AppEnv>): Asker => ({
    user: c.get('user'),
    clientAddress: clientAddress(c, trustProxy),
  });
  return new Hono<AppEnv>()
    .use('*', requireRole('clinician'))
    .get('/caseload', async (c) => c.json(await clinician.caseload(asker(c), queryParams(c, caseloadQuery))))
    .get('/members/:id', async (c) => c.json(await clinician.member(asker(c), memberId(c))))
    .post('/members/:id/changes', async (c) => {
      const id = memberId(c);
      const key = requiredIdempotencyKey(c, 'programme change');
      const result = await clinician.change(asker(c), id, await jsonBody(c, programmeChangeBody), key);
      return c.json(result.body, result.status);
    })
    .get('/members/:id/export/fhir', async (c) =>
      download(c, await clinician.exportFhir(asker(c), memberId(c))),
    );
}
