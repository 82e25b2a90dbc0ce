import { Hono } from 'hono';
import { baselineBody, screeningBody } from '@hipwise/core';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody } from '../http/validate.js';
import type { OnboardingService } from '../services/onboarding-service.js';

export function onboardingRoutes(onboarding: OnboardingService) {
  return new Hono<AppEnv>()
    .post('/screenings', async (c) => {
      const screening = await onboarding.screen(c.get('user').id, await jsonBody(c, screeningBody));
      return c.json({ screening }, 201);
    })
    .get('/screenings/latest', async (c) =>
      c.json({ screening: await onboarding.latestScreening(c.get('user').id) }),
    )
    .put('/baseline', async (c) => {
      const baseline = await onboarding.saveBaseline(c.get('user').id, await jsonBody(c, baselineBody));
      return c.json({ baseline });
    })
    .get('/baseline', async (c) => c.json({ baseline: await onboarding.baseline(c.get('user').id) }));
}
