import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { INSTRUMENTS, type InstrumentId } from '@hipwise/core';
import { apiRoutes, assertCoversRoutes, PUBLIC_ROUTES, tableSums } from '../testing/api-routes.js';
import { DATABASE_KINDS, skipPostgres } from '../testing/test-databases.js';
import { sessionCookieOf, testApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { chairSession, evenBaseline, NO_RED_FLAGS } from '../testing/fixtures.js';
import { accept, invite, newAdmin } from '../testing/practice.js';

// ---------- user A: one of everything, through the real API ----------

const DAY = '2026-03-10';
const all = (id: InstrumentId, value: number) =>
  Object.fromEntries(INSTRUMENTS[id].items.map((i) => [i.id, value]));
const screeningBody = { answers: NO_RED_FLAGS };
const baselineBody = evenBaseline(5);
const exerciseBody = (hold: number) => chairSession(hold);
const stressBody = (before: number) => ({
  plannedMinutes: 3,
  durationSeconds: 180,
  inhaleSeconds: 4,
  exhaleSeconds: 6,
  stressBefore: before,
  stressAfter: 2,
});
const T0 = Date.parse(`${DAY}T09:00:00Z`);
/** Accounts with history are made before the day of their events. */
const MADE_AT = new Date('2026-03-01T00:00:00Z');
const breakEvents = [
  { type: 'present', at: T0 },
  { type: 'away', at: T0 + 40 * 60_000, locked: true },
  { type: 'natural-break', at: T0 + 40 * 60_000, creditedAt: T0 + 43 * 60_000 },
];

interface Victim {
  user: TestUser;
  /** Text only A ever wrote. */
  marker: string;
  /** A's idempotency keys, which B replays. */
  keys: {
    checkin: string;
    exercise: string;
    questionnaire: string;
    peg: string;
    stress: string;
    clearance: string;
  };
  ids: {
    screening: string;
    exercise: string;
    response: string;
    peg: string;
    draft: string;
    stress: string;
    clearance: string;
    /** A's consent to a clinician. */
    consent: string;
    /** A live invitation meant for A's email only. */
    invitation: string;
  };
  /** Everything of A's that must never appear in an answer to B. */
  secrets: string[];
}

async function must(res: Response, status: number, what: string): Promise<unknown> {
  const text = await res.text();
  assert.equal(res.status, status, `${what}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function seedVictim(t: TestApp): Promise<Victim> {
  const user = await t.newUser({ password: `A's own password ${randomUUID()}`, madeAt: MADE_AT });
  const marker = `marker-of-A-${randomUUID()}`;
  const keys = {
    checkin: randomUUID(),
    exercise: randomUUID(),
    questionnaire: randomUUID(),
    peg: randomUUID(),
    stress: randomUUID(),
    clearance: randomUUID(),
  };
  const go = async (path: string, status: number, init: Parameters<TestUser['call']>[1] = {}) =>
    must(await user.call(path, init), status, `seeding A: ${init.method ?? 'POST'} ${path}`);

  const screening = (await go('/api/screenings', 201, { json: screeningBody })) as {
    screening: { id: string };
  };
  await go('/api/baseline', 200, { method: 'PUT', json: baselineBody });
  await go('/api/checkins', 201, {
    json: { pain: 6, stress: 4, note: `${marker} check-in` },
    headers: { 'idempotency-key': keys.checkin },
  });
  const exercise = (await go('/api/exercise-sessions', 201, {
    json: exerciseBody(10),
    headers: { 'idempotency-key': keys.exercise },
  })) as { session: { id: string } };
  const response = (await go('/api/measures/responses', 201, {
    json: { instrumentId: 'pss4', answers: all('pss4', 3), completed: true },
    headers: { 'idempotency-key': keys.questionnaire },
  })) as { response: { id: string } };
  const peg = (await go('/api/measures/responses', 201, {
    json: { instrumentId: 'peg', answers: all('peg', 4), completed: true },
    headers: { 'idempotency-key': keys.peg },
  })) as { response: { id: string } };
  const draft = (await go('/api/measures/responses', 201, {
    json: { instrumentId: 'rmdq', answers: { rmdq_01: 1, rmdq_02: 0 }, completed: false },
  })) as { response: { id: string } };
  await go('/api/break-events', 200, { json: { events: breakEvents } });
  await go('/api/break-settings', 200, { method: 'PUT', json: { workMinutes: 45, strict: true } });
  const stress = (await go('/api/stress/sessions', 201, {
    json: stressBody(7),
    headers: { 'idempotency-key': keys.stress },
  })) as { session: { id: string } };
  await go('/api/stress/reflection', 201, {
    method: 'PUT',
    json: { ruleId: 'simplify', note: `${marker} reflection` },
  });
  await go('/api/lessons/starts-at-the-hips/read', 200, { method: 'PUT' });
  await go('/api/program/prefs', 200, { method: 'PUT', json: { stayOnChair: true } });
  await go('/api/me/settings', 200, { method: 'PATCH', json: { timeZone: 'Europe/Berlin' } });
  // A history of cancer, and a clinician's clearance of it; a minute later, so it is the latest screening.
  t.clock.set(new Date(t.clock.now().getTime() + 60_000).toISOString());
  await go('/api/screenings', 201, {
    json: { answers: { ...screeningBody.answers, cancer_history: true } },
  });
  const clearance = (await go('/api/clearances', 201, {
    json: { clearedOn: DAY, note: `${marker} clearance` },
    headers: { 'idempotency-key': keys.clearance },
  })) as { clearance: { id: string } };

  // A follows a clinician, and holds a second invitation not yet opened.
  const clinician = await t.newUser();
  await accept(clinician, await invite(await newAdmin(t), 'clinician'));
  await accept(user, await invite(clinician, 'member'), true);
  const consents = (await go('/api/me/consents', 200, { method: 'GET' })) as { consents: { id: string }[] };
  const invitation = await invite(clinician, 'member', user.email);

  const ids = {
    consent: consents.consents[0]!.id,
    invitation,
    screening: screening.screening.id,
    exercise: exercise.session.id,
    response: response.response.id,
    peg: peg.response.id,
    draft: draft.response.id,
    stress: stress.session.id,
    clearance: clearance.clearance.id,
  };
  return {
    user,
    marker,
    keys,
    ids,
    secrets: [user.id, user.email, marker, clinician.email, ...Object.values(ids)],
  };
}

// ---------- the matrix: what user B does on every route, and what B must get ----------

interface Probe {
  /** A concrete path; where a path parameter names a user's record it holds one of A's ids. */
  path: string;
  method: string;
  json?: unknown;
  headers?: Record<string, string>;
  status: number;
}

interface RouteCase {
  /**
   * owned: a path parameter names a record of one user, so A's ids must answer 404 (as for an id
   * that does not exist: a 403 would tell B that the record exists).
   * catalogue: a path parameter names something every user shares (a lesson, an instrument).
   */
  params?: 'owned' | 'catalogue';
  /** What the route reads, so that smuggling A's ids into the query or body has a known effect. */
  strictQuery?: boolean;
  /** Only for other roles: B, a member, gets the 404 of an unknown endpoint whatever B sends. */
  roleGuarded?: boolean;
  /** The route ends B's session or account: run after every other route. */
  endsSession?: boolean;
  probes: Probe[];
}

const NOT_A_MEMBER = '00000000-0000-4000-8000-000000000000';

const GET = (path: string, status = 200): Probe => ({ method: 'GET', path, status });

/** B's password, changed by one of the probes. */
const B_NEW_PASSWORD = 'B has a new long password';

function matrix(a: Victim, b: TestUser): Record<string, RouteCase> {
  const { ids, keys } = a;
  return {
    // Public routes, called by B with A's email.
    'GET /api/health': { probes: [GET('/api/health')] },
    'GET /api/instance': { probes: [GET('/api/instance')] },
    // Not set up on this app (oidc-routes.test.ts covers them with a provider).
    'GET /api/auth/oidc/start': { probes: [GET('/api/auth/oidc/start', 404)] },
    'GET /api/auth/oidc/callback': { probes: [GET('/api/auth/oidc/callback?code=x&state=y', 404)] },
    'POST /api/auth/signup': {
      probes: [
        {
          method: 'POST',
          path: '/api/auth/signup',
          json: { email: a.user.email, password: 'another long password', timeZone: 'UTC' },
          status: 409,
        },
      ],
    },
    'POST /api/auth/login': {
      probes: [
        {
          method: 'POST',
          path: '/api/auth/login',
          json: { email: a.user.email, password: 'a guess at it' },
          status: 401,
        },
      ],
    },
    'POST /api/auth/logout': {
      endsSession: true,
      probes: [{ method: 'POST', path: '/api/auth/logout', status: 204 }],
    },
    'POST /api/auth/logout-everywhere': {
      endsSession: true,
      probes: [{ method: 'POST', path: '/api/auth/logout-everywhere', status: 204 }],
    },

    // Account.
    'GET /api/me': { probes: [GET('/api/me')] },
    'PATCH /api/me/settings': {
      probes: [{ method: 'PATCH', path: '/api/me/settings', json: { timeZone: 'Asia/Tokyo' }, status: 200 }],
    },
    'POST /api/me/password': {
      probes: [
        // A's password is not B's: refused. Then B's own change, which keeps B's session.
        {
          method: 'POST',
          path: '/api/me/password',
          json: { currentPassword: a.user.password, newPassword: B_NEW_PASSWORD },
          status: 401,
        },
        {
          method: 'POST',
          path: '/api/me/password',
          json: { currentPassword: b.password, newPassword: B_NEW_PASSWORD },
          status: 204,
        },
      ],
    },
    'GET /api/me/export': { probes: [GET('/api/me/export')] },
    'GET /api/me/programme-changes': { probes: [GET('/api/me/programme-changes')] },
    // A member on the clinician's routes: the 404 of an unknown endpoint, before any input is read.
    // That 404 repeats the path it was asked, so the id in it is not one of A's: any id gets it.
    'GET /api/clinician/caseload': { probes: [GET('/api/clinician/caseload', 404)] },
    'GET /api/clinician/members/:id': {
      params: 'owned',
      probes: [GET(`/api/clinician/members/${NOT_A_MEMBER}`, 404)],
    },
    'POST /api/clinician/members/:id/changes': {
      params: 'owned',
      probes: [{ method: 'POST', path: `/api/clinician/members/${NOT_A_MEMBER}/changes`, status: 404 }],
    },
    'GET /api/clinician/members/:id/export/fhir': {
      params: 'owned',
      probes: [GET(`/api/clinician/members/${NOT_A_MEMBER}/export/fhir`, 404)],
    },
    'DELETE /api/me': {
      endsSession: true,
      probes: [
        { method: 'DELETE', path: '/api/me', json: { password: a.user.password }, status: 401 },
        { method: 'DELETE', path: '/api/me', json: { password: B_NEW_PASSWORD }, status: 204 },
      ],
    },

    // Practices: a member on admin and clinician routes learns nothing; A's consent and
    // invitation are A's alone.
    'GET /api/admin/settings': { roleGuarded: true, probes: [GET('/api/admin/settings', 404)] },
    'PUT /api/admin/settings': {
      roleGuarded: true,
      probes: [
        { method: 'PUT', path: '/api/admin/settings', json: { signupPolicy: 'sso_only' }, status: 404 },
      ],
    },
    'GET /api/admin/invitations': { roleGuarded: true, probes: [GET('/api/admin/invitations', 404)] },
    'POST /api/admin/invitations': {
      roleGuarded: true,
      probes: [{ method: 'POST', path: '/api/admin/invitations', json: {}, status: 404 }],
    },
    'GET /api/admin/audit': { roleGuarded: true, probes: [GET('/api/admin/audit', 404)] },
    'POST /api/invitations': {
      roleGuarded: true,
      probes: [{ method: 'POST', path: '/api/invitations', json: { email: b.email }, status: 404 }],
    },
    'GET /api/invitations/:code': {
      params: 'owned',
      probes: [GET(`/api/invitations/${ids.invitation}`, 404)],
    },
    'POST /api/invitations/:code/accept': {
      params: 'owned',
      probes: [
        {
          method: 'POST',
          path: `/api/invitations/${ids.invitation}/accept`,
          json: { shareNotes: true },
          status: 404,
        },
      ],
    },
    'GET /api/me/consents': { probes: [GET('/api/me/consents')] },
    'PATCH /api/me/consents/:id': {
      params: 'owned',
      probes: [
        {
          method: 'PATCH',
          path: `/api/me/consents/${ids.consent}`,
          json: { shareNotes: false },
          status: 404,
        },
      ],
    },
    'DELETE /api/me/consents/:id': {
      params: 'owned',
      probes: [{ method: 'DELETE', path: `/api/me/consents/${ids.consent}`, status: 404 }],
    },
    'GET /api/me/audit': { strictQuery: true, probes: [GET('/api/me/audit?limit=50')] },

    // Onboarding and check-ins.
    'POST /api/screenings': {
      probes: [{ method: 'POST', path: '/api/screenings', json: screeningBody, status: 201 }],
    },
    'GET /api/screenings/latest': { probes: [GET('/api/screenings/latest')] },
    'PUT /api/baseline': {
      probes: [{ method: 'PUT', path: '/api/baseline', json: { ...baselineBody, stress: 1 }, status: 200 }],
    },
    'GET /api/baseline': { probes: [GET('/api/baseline')] },
    'GET /api/today': { probes: [GET('/api/today')] },
    'POST /api/checkins': {
      // A's key with B's own answers: a new check-in of B's, never A's stored answer or a clash.
      probes: [
        {
          method: 'POST',
          path: '/api/checkins',
          json: { pain: 1, stress: 1 },
          headers: { 'idempotency-key': keys.checkin },
          status: 201,
        },
      ],
    },
    'GET /api/checkins': { strictQuery: true, probes: [GET('/api/checkins?from=2020-01-01&to=2029-12-31')] },

    // Programme.
    'GET /api/plan': { probes: [GET('/api/plan')] },
    'GET /api/lessons': { probes: [GET('/api/lessons')] },
    'PUT /api/lessons/:id/read': {
      params: 'catalogue',
      probes: [
        { method: 'PUT', path: '/api/lessons/starts-at-the-hips/read', status: 200 },
        { method: 'PUT', path: `/api/lessons/${ids.exercise}/read`, status: 404 },
      ],
    },
    'DELETE /api/lessons/:id/read': {
      params: 'catalogue',
      probes: [
        { method: 'DELETE', path: '/api/lessons/starts-at-the-hips/read', status: 200 },
        { method: 'DELETE', path: `/api/lessons/${ids.response}/read`, status: 404 },
      ],
    },
    'GET /api/progression': { probes: [GET('/api/progression')] },
    'PUT /api/program/prefs': {
      probes: [{ method: 'PUT', path: '/api/program/prefs', json: { stayOnChair: false }, status: 200 }],
    },
    'POST /api/exercise-sessions': {
      probes: [
        {
          method: 'POST',
          path: '/api/exercise-sessions',
          json: exerciseBody(8),
          headers: { 'idempotency-key': keys.exercise },
          status: 201,
        },
      ],
    },
    'GET /api/exercise-sessions': { strictQuery: true, probes: [GET('/api/exercise-sessions?limit=500')] },
    'GET /api/exercise-sessions/:id': {
      params: 'owned',
      probes: [
        GET(`/api/exercise-sessions/${ids.exercise}`, 404),
        GET(`/api/exercise-sessions/${ids.stress}`, 404),
      ],
    },

    // Clinicians' clearances. B's screening is clear: B has nothing to clear, whatever A's key.
    'GET /api/clearances': { probes: [GET('/api/clearances')] },
    'POST /api/clearances': {
      probes: [
        {
          method: 'POST',
          path: '/api/clearances',
          json: { clearedOn: DAY },
          headers: { 'idempotency-key': keys.clearance },
          status: 409,
        },
      ],
    },
    'DELETE /api/clearances/:id': {
      params: 'owned',
      probes: [
        { method: 'DELETE', path: `/api/clearances/${ids.clearance}`, status: 404 },
        { method: 'DELETE', path: `/api/clearances/${ids.screening}`, status: 404 },
      ],
    },

    // Sitting coach. A's very events from B are B's own: stored, not "duplicates" of A's.
    'GET /api/break-settings': { probes: [GET('/api/break-settings')] },
    'PUT /api/break-settings': {
      probes: [{ method: 'PUT', path: '/api/break-settings', json: { workMinutes: 50 }, status: 200 }],
    },
    'POST /api/break-events': {
      probes: [{ method: 'POST', path: '/api/break-events', json: { events: breakEvents }, status: 200 }],
    },
    'GET /api/break-events': { strictQuery: true, probes: [GET(`/api/break-events?from=${DAY}&to=${DAY}`)] },
    'GET /api/break-stats': { strictQuery: true, probes: [GET('/api/break-stats?weeks=4')] },

    // Questionnaires, progress, exports, stress.
    'GET /api/measures/instruments': { probes: [GET('/api/measures/instruments')] },
    'GET /api/measures/due': { probes: [GET('/api/measures/due')] },
    'GET /api/measures/responses': {
      strictQuery: true,
      probes: [GET('/api/measures/responses?instrument=pss4')],
    },
    'POST /api/measures/responses': {
      probes: [
        {
          method: 'POST',
          path: '/api/measures/responses',
          json: { instrumentId: 'pss4', answers: all('pss4', 1), completed: true },
          headers: { 'idempotency-key': keys.questionnaire },
          status: 201,
        },
        // A has an unfinished RMDQ: B's draft is a new one (201), not saved onto A's (200).
        {
          method: 'POST',
          path: '/api/measures/responses',
          json: { instrumentId: 'rmdq', answers: { rmdq_03: 1 }, completed: false },
          status: 201,
        },
      ],
    },
    'GET /api/measures/responses/drafts/:instrumentId': {
      params: 'catalogue',
      probes: [
        GET('/api/measures/responses/drafts/rmdq'),
        GET(`/api/measures/responses/drafts/${ids.draft}`, 422),
      ],
    },
    'GET /api/measures/responses/:id': {
      params: 'owned',
      probes: [
        GET(`/api/measures/responses/${ids.response}`, 404),
        GET(`/api/measures/responses/${ids.draft}`, 404),
      ],
    },
    'PUT /api/measures/responses/:id': {
      params: 'owned',
      probes: [
        {
          method: 'PUT',
          path: `/api/measures/responses/${ids.draft}`,
          json: { instrumentId: 'rmdq', answers: { rmdq_01: 0 }, completed: false },
          status: 404,
        },
        {
          method: 'PUT',
          path: `/api/measures/responses/${ids.draft}`,
          json: { instrumentId: 'rmdq', answers: all('rmdq', 1), completed: true },
          headers: { 'idempotency-key': keys.peg },
          status: 404,
        },
        {
          method: 'PUT',
          path: `/api/measures/responses/${ids.response}`,
          json: { instrumentId: 'pss4', answers: all('pss4', 0), completed: false },
          status: 404,
        },
      ],
    },
    'DELETE /api/measures/responses/:id': {
      params: 'owned',
      probes: [
        { method: 'DELETE', path: `/api/measures/responses/${ids.draft}`, status: 404 },
        { method: 'DELETE', path: `/api/measures/responses/${ids.response}`, status: 404 },
        { method: 'DELETE', path: `/api/measures/responses/${ids.peg}`, status: 404 },
      ],
    },
    'GET /api/measures/progress': { probes: [GET('/api/measures/progress')] },
    'GET /api/measures/insights': { probes: [GET('/api/measures/insights')] },
    'GET /api/measures/weekly': { strictQuery: true, probes: [GET(`/api/measures/weekly?date=${DAY}`)] },
    'GET /api/measures/export/fhir': { probes: [GET('/api/measures/export/fhir')] },
    'GET /api/measures/export/:file': {
      params: 'catalogue',
      probes: [
        GET('/api/measures/export/checkins.csv'),
        GET('/api/measures/export/pss4.csv'),
        GET('/api/measures/export/stress-sessions.csv'),
        GET('/api/measures/export/users.csv', 404),
      ],
    },
    'GET /api/stress': { probes: [GET('/api/stress')] },
    'POST /api/stress/sessions': {
      probes: [
        {
          method: 'POST',
          path: '/api/stress/sessions',
          json: stressBody(3),
          headers: { 'idempotency-key': keys.stress },
          status: 201,
        },
      ],
    },
    'PUT /api/stress/reflection': {
      probes: [
        {
          method: 'PUT',
          path: '/api/stress/reflection',
          json: { ruleId: 'own-less', note: 'B thinks' },
          status: 201,
        },
      ],
    },
  };
}

/** The route a concrete probe path belongs to: its pattern with each `:param` as one segment. */
function routeOf(key: string, probe: Probe): boolean {
  const [method, pattern] = key.split(' ') as [string, string];
  const re = new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
  return method === probe.method && re.test(probe.path.split('?')[0]!);
}

/** A probe with A's ids added to the query and, for a JSON object body, to the body. */
function smuggled(probe: Probe, a: Victim): Probe {
  const sep = probe.path.includes('?') ? '&' : '?';
  const path = `${probe.path}${sep}userId=${a.user.id}&user_id=${a.user.id}&id=${a.ids.response}`;
  const json =
    probe.json !== null && typeof probe.json === 'object' && !Array.isArray(probe.json)
      ? { ...probe.json, userId: a.user.id, user_id: a.user.id, id: a.ids.response }
      : probe.json;
  return { ...probe, path, ...(json === undefined ? {} : { json }) };
}

/** The status B's smuggled probe must get: strict schemas refuse unknown fields; other routes ignore them. */
function smuggledStatus(c: RouteCase, probe: Probe): number {
  if (c.roleGuarded) return probe.status;
  if (probe.json !== undefined && typeof probe.json === 'object') return 422;
  if (c.strictQuery) return 422;
  return probe.status;
}

for (const kind of DATABASE_KINDS) {
  describe(
    `user B on every route never reaches user A's data, on ${kind}`,
    { skip: skipPostgres(kind) },
    () => {
      let t: TestApp;
      before(async () => {
        t = await testApp(kind);
        t.clock.set(`${DAY}T12:00:00Z`);
      });
      after(() => t.close());

      test('without a session cookie every personal route answers 401 and touches nothing', async () => {
        const before = await tableSums(t.db);
        const personal = apiRoutes().filter((r) => !PUBLIC_ROUTES.has(r.key));
        for (const { method, path } of personal) {
          const url = path.replace(/:[A-Za-z]+/g, randomUUID());
          const res = await t.request(url, {
            method,
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: method === 'GET' || method === 'HEAD' ? null : '{}',
          });
          assert.equal(res.status, 401, `${method} ${path} answered ${res.status} without a session`);
        }
        assert.deepEqual(await tableSums(t.db), before);
      });

      test('the matrix classifies every route of the router', () => {
        const stub = { user: { id: '', email: '', password: '' }, ids: {}, keys: {} } as unknown as Victim;
        const table = matrix(stub, stub.user);
        assertCoversRoutes(apiRoutes(), Object.keys(table), 'the authorization matrix');
        for (const [key, c] of Object.entries(table)) {
          assert.equal(
            c.params !== undefined,
            key.includes('/:'),
            `${key}: say whether its path parameter is owned`,
          );
          if (c.params === 'owned') {
            for (const p of c.probes)
              assert.equal(p.status, 404, `${key}: another user's record must be a 404`);
          }
          for (const p of c.probes)
            assert.ok(routeOf(key, p), `${key}: probe ${p.method} ${p.path} is not this route`);
        }
      });

      test("with A's real ids B gets 404s, never A's data, and A's data stays byte-identical", async () => {
        const a = await seedVictim(t);
        const b = await t.newUser({ madeAt: MADE_AT });
        const exportOf = async (u: TestUser) =>
          must(await u.call('/api/me/export'), 200, 'export').then(JSON.stringify);
        const exportBefore = await exportOf(a.user);
        const rowsBefore = await tableSums(t.db, { userId: a.user.id });
        assert.ok(exportBefore.includes(a.marker) && exportBefore.includes(a.ids.draft), 'A was not seeded');

        let cookie = b.cookie;
        const send = (p: Probe) =>
          t.request(p.path, {
            method: p.method,
            headers: {
              cookie,
              ...(p.json === undefined ? {} : { 'content-type': 'application/json' }),
              ...p.headers,
            },
            body: p.json === undefined ? null : JSON.stringify(p.json),
          });
        const relogin = async (password: string) => {
          const res = await t.request('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: b.email, password }),
          });
          assert.equal(res.status, 200, await res.clone().text());
          cookie = sessionCookieOf(res);
        };

        const table = matrix(a, b);
        const ordered = [
          ...Object.entries(table).filter(([, c]) => !c.endsSession),
          ...Object.entries(table).filter(([, c]) => c.endsSession),
        ];
        let probes = 0;
        for (const [key, c] of ordered) {
          const tries: Array<[Probe, number]> = c.probes.flatMap((p): Array<[Probe, number]> =>
            c.endsSession
              ? [[p, p.status]]
              : [
                  [smuggled(p, a), smuggledStatus(c, p)],
                  [p, p.status],
                ],
          );
          for (const [probe, status] of tries) {
            const res = await send(probe);
            const text = await res.text();
            probes += 1;
            assert.equal(
              res.status,
              status,
              `${key}: B's ${probe.method} ${probe.path} answered ${res.status} ${text}`,
            );
            for (const secret of a.secrets) {
              assert.ok(
                !text.toLowerCase().includes(secret.toLowerCase()),
                `${key}: B's answer holds A's ${secret}`,
              );
            }
          }
          if (key === 'POST /api/auth/logout-everywhere' || key === 'POST /api/auth/logout') {
            assert.equal((await send(GET('/api/me'))).status, 401, `${key} left B's session alive`);
            await relogin(B_NEW_PASSWORD);
          }
        }
        assert.ok(probes > 2 * Object.keys(table).length - 10);
        assert.equal((await send(GET('/api/me'))).status, 401, "B's account is gone at the end");

        // A's session survived B's log-outs, and nothing of A's changed, to the byte.
        assert.equal(await exportOf(a.user), exportBefore);
        assert.deepEqual(await tableSums(t.db, { userId: a.user.id }), rowsBefore);
      });
    },
  );
}
