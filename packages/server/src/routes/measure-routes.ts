import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { ServiceDeps } from '../services/deps.js';
import type { FeatureConfig } from '../config.js';

/** Questionnaires, stress practice and reflections, progress and insights, exports (issue 6). */
export function measureRoutes(_deps: ServiceDeps, _features: FeatureConfig) {
  return new Hono<AppEnv>();
}
