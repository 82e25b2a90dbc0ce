import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type AppErrorKind } from '../errors.js';
import type { Logger } from '../logger.js';
import { loggedPath } from './request-log.js';

const STATUS: Record<AppErrorKind, ContentfulStatusCode> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  misdirected: 421,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  too_many_requests: 429,
};

export function errorJson(c: Context, err: AppError) {
  if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
  return c.json(
    { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } },
    STATUS[err.kind],
  );
}

/** Expected errors become their status; anything else is logged here and never shown to the client. */
export function errorHandler(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) return errorJson(c, err);
    if (err instanceof HTTPException && err.status === 413) {
      return errorJson(
        c,
        new AppError('payload_too_large', 'payload_too_large', 'The request is too large.'),
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      return c.json({ error: { code: 'bad_request', message: err.message || 'Bad request.' } }, err.status);
    }
    log.error({ err, method: c.req.method, path: loggedPath(c.req.path) }, 'unhandled error');
    return c.json(
      {
        error: {
          code: 'internal',
          message: 'Something went wrong on our side. Your data is safe; please try again.',
        },
      },
      500,
    );
  };
}
