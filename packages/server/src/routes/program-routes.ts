import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { ServiceDeps } from '../services/deps.js';

/** Lessons, guided exercise sessions, progression and the daily plan (issue 3). */
export function programRoutes(_deps: ServiceDeps) {
  return new Hono<AppEnv>();
}
