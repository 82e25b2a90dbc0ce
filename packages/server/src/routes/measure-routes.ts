import { Hono, type Context } from 'hono';
import {
  instrumentIdSchema,
  questionnaireResponseBody,
  questionnaireResponsesQuery,
  reflectionBody,
  stressSessionBody,
  weeklyQuery,
} from '@hipwise/core';
import type { FeatureConfig } from '../config.js';
import type { AppEnv } from '../http/app-env.js';
import {
  jsonBody,
  optionalIdempotencyKey,
  parseWith,
  queryParams,
  requiredIdempotencyKey,
} from '../http/validate.js';
import type { ServiceDeps } from '../services/deps.js';
import { exportService, isCsvMeasure, unknownMeasure, type Download } from '../services/export-service.js';
import { measureService } from '../services/measure-service.js';
import { progressService } from '../services/progress-service.js';
import { stressService } from '../services/stress-service.js';

export function download(c: Context<AppEnv>, d: Download): Response {
  c.header('Content-Type', d.contentType);
  c.header('Content-Disposition', `attachment; filename="${d.filename}"`);
  return c.body(d.body);
}

/** Questionnaires, stress practice and reflections, progress and insights, exports. */
export function measureRoutes(deps: ServiceDeps, features: FeatureConfig) {
  const measures = measureService(deps, features);
  const stress = stressService(deps);
  const progress = progressService(deps, features);
  const exports = exportService(deps, features.publicUrl);

  return new Hono<AppEnv>()
    .get('/measures/instruments', (c) => c.json(measures.instruments()))
    .get('/measures/due', async (c) => c.json(await measures.due(c.get('user'))))
    .get('/measures/responses', async (c) => {
      const { instrument } = queryParams(c, questionnaireResponsesQuery);
      return c.json({ responses: await measures.list(c.get('user'), instrument) });
    })
    .post('/measures/responses', async (c) => {
      const body = await jsonBody(c, questionnaireResponseBody);
      const key = body.completed ? requiredIdempotencyKey(c, 'questionnaire') : optionalIdempotencyKey(c);
      const result = await measures.save(
        c.get('user'),
        body,
        key === undefined ? {} : { idempotencyKey: key },
      );
      return c.json(result.body, result.status);
    })
    .get('/measures/responses/drafts/:instrumentId', async (c) => {
      const id = parseWith(instrumentIdSchema, c.req.param('instrumentId'), 'instrument');
      return c.json({ draft: await measures.draft(c.get('user'), id) });
    })
    .get('/measures/responses/:id', async (c) => c.json(await measures.get(c.get('user'), c.req.param('id'))))
    .put('/measures/responses/:id', async (c) => {
      const body = await jsonBody(c, questionnaireResponseBody);
      const key = body.completed ? requiredIdempotencyKey(c, 'questionnaire') : optionalIdempotencyKey(c);
      const result = await measures.save(c.get('user'), body, {
        id: c.req.param('id'),
        ...(key === undefined ? {} : { idempotencyKey: key }),
      });
      return c.json(result.body, result.status);
    })
    .delete('/measures/responses/:id', async (c) => {
      await measures.discard(c.get('user'), c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/measures/progress', async (c) => c.json(await progress.progress(c.get('user'))))
    .get('/measures/insights', async (c) => c.json(await progress.insights(c.get('user'))))
    .get('/measures/weekly', async (c) => {
      const { date } = queryParams(c, weeklyQuery);
      return c.json(await progress.weekly(c.get('user'), date));
    })
    .get('/measures/export/fhir', async (c) => download(c, await exports.fhir(c.get('user'))))
    .get('/measures/export/:file', async (c) => {
      const file = c.req.param('file');
      const measure = file.endsWith('.csv') ? file.slice(0, -4) : file;
      if (!isCsvMeasure(measure)) throw unknownMeasure(file);
      return download(c, await exports.csv(c.get('user'), measure));
    })
    .get('/stress', async (c) => c.json(await stress.overview(c.get('user'))))
    .post('/stress/sessions', async (c) => {
      const key = requiredIdempotencyKey(c, 'practice session');
      const result = await stress.record(c.get('user'), await jsonBody(c, stressSessionBody), key);
      return c.json(result.body, result.status);
    })
    .put('/stress/reflection', async (c) => {
      const result = await stress.reflect(c.get('user'), await jsonBody(c, reflectionBody));
      return c.json(result.body, result.status);
    });
}
