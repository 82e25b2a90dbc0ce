import type { Context } from 'hono';
import { idempotencyKeySchema } from '@hipwise/core';
import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Names echoed from the request are cut short: a body of 5,000-character keys gets a readable error. */
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);
const MAX_LISTED_KEYS = 5;

function unknownKeys(keys: readonly string[]): string {
  const listed = keys.slice(0, MAX_LISTED_KEYS).map((k) => clip(k, 40));
  const more = keys.length > MAX_LISTED_KEYS ? ` and ${keys.length - MAX_LISTED_KEYS} more` : '';
  return `unknown field(s): ${listed.join(', ')}${more}`;
}

/** Field path -> first message, e.g. `{ "peg.pain": "must be 0 to 10" }`, for showing next to inputs. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? clip(issue.path.join('.'), 100) : '_';
    // hasOwn, not ??=: a field named "constructor" or "toString" must not read Object.prototype's.
    if (Object.hasOwn(fields, path)) continue;
    fields[path] = issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : issue.message;
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

// Our deepest body (break settings) is four levels deep; anything far deeper is not for us.
const MAX_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(s: string): string | undefined {
  // PostgreSQL text and jsonb cannot hold NUL; saving one would fail after validation passed.
  if (s.includes('\u0000')) return 'must not contain NUL characters';
  // Half of a UTF-16 pair is not Unicode: the database drivers would silently replace it.
  if (LONE_SURROGATE.test(s)) return 'must be valid Unicode text (it holds a broken character)';
  return undefined;
}

/**
 * What JSON.parse lets through but no schema should see: NUL and broken characters in any string
 * or key, a `__proto__` key (zod copies keys into new objects, where it would set the prototype
 * instead), and nesting deeper than any request of ours. Walked without recursion, so a body of
 * 30,000 nested arrays cannot exhaust the stack. Returns the first problem's path and message.
 */
export function unsafeJson(value: unknown): { path: string; message: string } | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '_', depth: 0 }];
  const join = (path: string, key: string | number) => (path === '_' ? String(key) : `${path}.${key}`);
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, message: problem };
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_DEPTH) return { path, message: `is nested more than ${MAX_DEPTH} levels deep` };
      const entries: Array<[string | number, unknown]> = Array.isArray(v)
        ? v.map((x, i) => [i, x])
        : Object.entries(v);
      for (const [key, child] of entries) {
        if (typeof key === 'string') {
          if (key === '__proto__') return { path, message: 'must not have a field named __proto__' };
          const problem = textProblem(key);
          if (problem) return { path, message: `has a field name that ${problem}` };
        }
        stack.push({ value: child, path: join(path, key), depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function refuseUnsafe(value: unknown, what: string): void {
  const problem = unsafeJson(value);
  if (!problem) return;
  const path = clip(problem.path, 100);
  const summary = path === '_' ? problem.message : `${path} ${problem.message}`;
  throw new AppError('validation', 'validation_failed', `The ${what} is not valid: ${summary}.`, {
    [path]: problem.message,
  });
}

/** Reads a JSON request body and validates it; malformed JSON is a 400, a wrong shape a 422. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError(
      'unsupported_media_type',
      'json_required',
      'Send the request body as JSON (Content-Type: application/json).',
    );
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch {
    throw new AppError('bad_request', 'invalid_json', 'The request body is not valid JSON.');
  }
  let text: string;
  try {
    // Fatal: bytes that are not UTF-8 are refused, not quietly replaced with U+FFFD and saved.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('bad_request', 'invalid_encoding', 'The request body is not valid UTF-8 text.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'invalid_json', 'The request body is not valid JSON.');
  }
  refuseUnsafe(body, 'request');
  return parseWith(schema, body, 'request');
}

export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const query = c.req.query();
  refuseUnsafe(query, 'query');
  return parseWith(schema, query, 'query');
}

/** The Idempotency-Key header where a request may go without one (undefined then). */
export function optionalIdempotencyKey(c: Context): string | undefined {
  const header = c.req.header('idempotency-key');
  return header === undefined ? undefined : parseWith(idempotencyKeySchema, header, 'Idempotency-Key header');
}

/** The Idempotency-Key header every create asks for; `what` names the thing in the message. */
export function requiredIdempotencyKey(c: Context, what: string): string {
  const key = optionalIdempotencyKey(c);
  if (key === undefined) {
    throw new AppError(
      'bad_request',
      'idempotency_key_required',
      `Send an Idempotency-Key header (for example a UUID) so a retry cannot save the ${what} twice.`,
    );
  }
  return key;
}
