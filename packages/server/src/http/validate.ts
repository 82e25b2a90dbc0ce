import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Field path -> first message, e.g. `{ "peg.pain": "must be 0 to 10" }`, for showing next to inputs. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[path] ??= issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message;
  }
  return fields;
}

function validationError(error: z.ZodError, what: string): AppError {
  const fields = fieldErrors(error);
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([k, v]) => (k === '_' ? v : `${k} ${v}`))
    .join('; ');
  return new AppError('validation', 'validation_failed', `The ${what} is not valid: ${summary}.`, fields);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

/** Reads a JSON request body and validates it; malformed JSON is a 400, a wrong shape a 422. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError('unsupported_media_type', 'json_required', 'Send the request body as JSON (Content-Type: application/json).');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('bad_request', 'invalid_json', 'The request body is not valid JSON.');
  }
  return parseWith(schema, body, 'request');
}

export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parseWith(schema, c.req.query(), 'query');
}
