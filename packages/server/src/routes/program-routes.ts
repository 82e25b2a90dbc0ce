import { Hono } from 'hono';
import {
  exerciseSessionBody,
  exerciseSessionsQuery,
  lessonIdSchema,
  programPrefsBody,
  type LessonId,
} from '@hipwise/core';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody, queryParams, requiredIdempotencyKey } from '../http/validate.js';
import type { FeatureConfig } from '../config.js';
import type { ServiceDeps } from '../services/deps.js';
import { programService } from '../services/program-service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function lessonIdParam(raw: string): LessonId {
  const parsed = lessonIdSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('not_found', 'lesson_not_found', 'There is no such lesson.');
  return parsed.data;
}

/** Lessons, guided exercise sessions, progression and the daily plan. */
export function programRoutes(deps: ServiceDeps, features: FeatureConfig) {
  const program = programService(deps, features);
  return (
    new Hono<AppEnv>()
      .get('/plan', async (c) => c.json(await program.plan(c.get('user'))))
      .get('/lessons', async (c) => c.json(await program.lessons(c.get('user'))))
      // PUT, not POST: marking read twice is the same as once, so no idempotency key is needed.
      .put('/lessons/:id/read', async (c) =>
        c.json({ lesson: await program.markRead(c.get('user'), lessonIdParam(c.req.param('id'))) }),
      )
      .delete('/lessons/:id/read', async (c) =>
        c.json({ lesson: await program.unmarkRead(c.get('user'), lessonIdParam(c.req.param('id'))) }),
      )
      .get('/progression', async (c) => c.json(await program.progression(c.get('user'))))
      .put('/program/prefs', async (c) =>
        c.json({ prefs: await program.savePrefs(c.get('user'), await jsonBody(c, programPrefsBody)) }),
      )
      .post('/exercise-sessions', async (c) => {
        const key = requiredIdempotencyKey(c, 'session');
        const result = await program.recordSession(
          c.get('user'),
          await jsonBody(c, exerciseSessionBody),
          key,
        );
        return c.json(result.body, result.status);
      })
      .get('/exercise-sessions', async (c) => {
        const { limit } = queryParams(c, exerciseSessionsQuery);
        return c.json({ sessions: await program.recentSessions(c.get('user'), limit) });
      })
      .get('/exercise-sessions/:id', async (c) => {
        const id = c.req.param('id');
        // Not a uuid cannot be anyone's session; answer as for any unknown id.
        if (!UUID.test(id))
          throw new AppError('not_found', 'session_not_found', 'There is no such exercise session.');
        return c.json({ session: await program.session(c.get('user'), id) });
      })
  );
}
