import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { ServiceDeps } from '../services/deps.js';

/** Break-coach settings, stored scheduler events and sitting statistics (issue 5). */
export function breakRoutes(_deps: ServiceDeps) {
  return new Hono<AppEnv>();
}
