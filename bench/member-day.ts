/**
 * One active member's day through the HTTP API, as the app calls it: a check-in, an exercise
 * session, a breathing practice, 200 walking-break events (one request each, as the app sends
 * them over a working day) and 100 openings of Today with the four reads it makes. The footprint
 * bench measures the server's memory after it; the caseload bench counts the rows and bytes it adds.
 */
import { randomUUID } from 'node:crypto';
import { breathingSession, chairSession } from '@hipwise/server/testing';

/** Calls the API with a session cookie, counting requests; any answer of 300 or more throws. */
export class ApiClient {
  requests = 0;
  constructor(
    private readonly base: string,
    public cookie = '',
  ) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    this.requests++;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return res;
  }
}

/**
 * The day, for a member who has screened and given a baseline. `withPage`: each opening of Today
 * also loads the page itself (a server that serves the web app).
 */
export async function memberDay(api: ApiClient, { withPage }: { withPage: boolean }): Promise<void> {
  const key = () => ({ 'idempotency-key': randomUUID() });
  await api.call('POST', '/api/checkins', { pain: 4, stress: 3, note: 'a normal day' }, key());
  await api.call('POST', '/api/exercise-sessions', chairSession(10), key());
  await api.call('POST', '/api/stress/sessions', breathingSession(), key());
  // At the desk, away, at the desk again, each sent as it happens. The day is compressed into the
  // bench's seconds: the server takes no event from before the account was made or ahead of its clock.
  let at = 0;
  for (let i = 0; i < 200; i++) {
    at = Math.max(Date.now(), at + 1);
    const event = i % 2 === 0 ? { type: 'present', at } : { type: 'away', at, locked: false };
    await api.call('POST', '/api/break-events', { events: [event] });
  }
  for (let i = 0; i < 100; i++) {
    if (withPage) await api.call('GET', '/');
    await api.call('GET', '/api/me');
    await api.call('GET', '/api/today');
    await api.call('GET', '/api/plan');
    await api.call('GET', '/api/measures/due');
  }
}
