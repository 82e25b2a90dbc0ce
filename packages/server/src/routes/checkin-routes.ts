import { Hono } from 'hono';
import { checkinBody, checkinRangeQuery } from '@hipwise/core';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody, queryParams, requiredIdempotencyKey } from '../http/validate.js';
import type { CheckinService } from '../services/checkin-service.js';

const MAX_RANGE_DAYS = 3660;

export function checkinRoutes(checkins: CheckinService) {
  return new Hono<AppEnv>()
    .get('/today', async (c) =>
      c.body(await checkins.todayJson(c.get('user')), 200, { 'Content-Type': 'application/json' }),
    )
    .post('/checkins', async (c) => {
      const key = requiredIdempotencyKey(c, 'check-in');
      const result = await checkins.record(c.get('user'), await jsonBody(c, checkinBody), key);
      return c.json(result.body, result.status);
    })
    .get('/checkins', async (c) => {
      const { from, to } = queryParams(c, checkinRangeQuery);
      if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) {
        throw new AppError(
          'validation',
          'range_too_long',
          'Ask for at most ten years of check-ins at a time.',
          {
            from: 'range is longer than ten years',
          },
        );
      }
      return c.json({ checkins: await checkins.between(c.get('user').id, from, to) });
    });
}
