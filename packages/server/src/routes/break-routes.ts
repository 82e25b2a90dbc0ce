import { Hono } from 'hono';
import { breakEventsBody, breakEventsQuery, breakSettingsSchema, breakStatsQuery } from '@hipwise/core';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody, queryParams } from '../http/validate.js';
import { breakService } from '../services/break-service.js';
import type { ServiceDeps } from '../services/deps.js';

/** Break-coach settings, stored scheduler events and sitting statistics. */
export function breakRoutes(deps: ServiceDeps) {
  const breaks = breakService(deps);
  return new Hono<AppEnv>()
    .get('/break-settings', async (c) => c.json(await breaks.settings(c.get('user').id)))
    .put('/break-settings', async (c) =>
      c.json(await breaks.saveSettings(c.get('user').id, await jsonBody(c, breakSettingsSchema))),
    )
    .post('/break-events', async (c) => {
      const { events } = await jsonBody(c, breakEventsBody);
      return c.json(await breaks.recordEvents(c.get('user'), events));
    })
    .get('/break-events', async (c) => {
      const { from, to } = queryParams(c, breakEventsQuery);
      return c.json({ events: await breaks.eventsBetween(c.get('user'), from, to) });
    })
    .get('/break-stats', async (c) =>
      c.json(await breaks.stats(c.get('user'), queryParams(c, breakStatsQuery))),
    );
}
