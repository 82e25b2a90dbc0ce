import type { Role } from '@hipwise/core';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { AppEnv } from './app-env.js';

/**
 * Lets through only the given roles. Anyone else gets the same 404 as an unknown endpoint, so a
 * member probing clinician or admin routes learns nothing about them. Mount after requireUser.
 */
export function requireRole(...roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.var.user.role)) {
      throw new AppError('not_found', 'not_found', `There is no API endpoint ${c.req.method} ${c.req.path}.`);
    }
    await next();
  };
}
