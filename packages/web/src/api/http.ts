import { apiErrorSchema } from '@hipwise/core';
import { ApiError, networkError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The one method of a zod schema this client calls, so any schema of core's contract fits. */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

let onUnauthenticated: (() => void) | undefined;

/** The session provider registers here so that any 401 anywhere logs the user out of the UI. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

async function send(method: Method, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  // The server rejects writes without this header, so send it on every write, body or not.
  if (method !== 'GET') headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(opts.body),
      signal: opts.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  const json: unknown = await res.json().catch(() => undefined);
  const parsed = apiErrorSchema.safeParse(json);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(res.status, code, message, fields);
  }
  return new ApiError(
    res.status,
    'unexpected',
    `Something went wrong (HTTP ${res.status}). Please try again.`,
  );
}

async function fail(res: Response): Promise<never> {
  const err = await toApiError(res);
  if (err.isUnauthenticated) onUnauthenticated?.();
  throw err;
}

/** A call whose JSON answer is checked against `schema`, so screens can trust its shape. */
export async function requestJson<T>(
  method: Method,
  path: string,
  schema: Schema<T>,
  opts: RequestOptions = {},
): Promise<{ status: number; data: T }> {
  const res = await send(method, path, opts);
  if (!res.ok) return fail(res);
  const parsed = schema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(
      res.status,
      'bad_response',
      'hipwise sent an answer this page does not understand. Please reload.',
    );
  }
  return { status: res.status, data: parsed.data };
}

/** A call answered with 204 No Content. */
export async function requestEmpty(method: Method, path: string, opts: RequestOptions = {}): Promise<void> {
  const res = await send(method, path, opts);
  if (!res.ok) return fail(res);
}
