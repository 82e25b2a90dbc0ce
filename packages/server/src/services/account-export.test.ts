import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { RED_FLAG_IDS } from '@hipwise/core';
import { DATABASE_KINDS, skipPostgres } from '../testing/test-databases.js';
import { checkinCall, testApp, type TestApp } from '../testing/test-app.js';
import { practice } from '../testing/practice.js';

/**
 * Which export key carries each table with a user_id. A new table of personal data that is not
 * listed here fails the test, so "export all my data" cannot quietly fall behind the schema.
 */
const EXPORTED: Record<string, string> = {
  screenings: 'screenings',
  clinician_clearances: 'clinicianClearances',
  baselines: 'baseline',
  checkins: 'checkins',
  questionnaire_responses: 'questionnaireResponses',
  stress_sessions: 'stressSessions',
  stress_reflections: 'stressReflections',
  lesson_reads: 'lessonsRead',
  exercise_sessions: 'exerciseSessions',
  program_prefs: 'programPrefs',
  break_settings: 'breakSettings',
  break_events: 'breakEvents',
  user_identities: 'linkedSignIns',
};
/**
 * Which export key carries each table with a member_id: what a practice holds about the member
 * (consents with their history, clinicians' programme changes, the member's audit lines).
 */
const EXPORTED_AS_MEMBER: Record<string, string> = {
  consents: 'consents',
  programme_changes: 'programmeChanges',
  audit_log: 'auditLog',
};
/**
 * Derived, not stored by anyone: the caseload's cached line (migration 0011) is computed from the
 * tables above, which the export carries, and is rebuilt whenever it is missing.
 */
const DERIVED_FROM_EXPORTED = new Set(['caseload_cache']);
/**
 * Security plumbing, not the user's content: sessions, replay records, a device's failed-password
 * count, a fresh sign-in in flight and its proof (minutes old at most).
 */
const NOT_EXPORTED = new Set([
  'sessions',
  'idempotency_keys',
  'login_throttle',
  'oidc_logins',
  'reauth_proofs',
]);

for (const kind of DATABASE_KINDS) {
  describe(`export all my data on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t.close());

    test("every table about a member is in the member's export, with its history", async () => {
      const withMember = await t.db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'member_id' ORDER BY 1",
      );
      assert.ok(withMember.length >= 3, 'no member_id tables found');
      for (const { table_name } of withMember) {
        assert.ok(
          table_name in EXPORTED_AS_MEMBER || DERIVED_FROM_EXPORTED.has(table_name),
          `${table_name} is not in the export`,
        );
      }
      const { clinician, member, consentId } = await practice(t);
      assert.equal(
        (await member.call(`/api/me/consents/${consentId}`, { method: 'PATCH', json: { shareNotes: true } }))
          .status,
        200,
      );
      // Programme changes are made on the clinician's side; one row stands for them here.
      await t.db.query(
        `INSERT INTO programme_changes (member_id, clinician_id, clinician_email, kind, payload, created_at)
         VALUES ($1, $2, $3, 'hold', '{"level": 2}', $4)`,
        [member.id, clinician.id, clinician.email, t.clock.now()],
      );
      const data = (await (await member.call('/api/me/export')).json()) as Record<string, unknown>;
      for (const [table, key] of Object.entries(EXPORTED_AS_MEMBER)) {
        const value = data[key];
        assert.ok(Array.isArray(value) && value.length > 0, `${key} (table ${table}) is empty in the export`);
      }
      const consents = data['consents'] as Array<{ shareNotes: boolean; revokedAt: string | null }>;
      assert.deepEqual(
        consents.map((c) => [c.shareNotes, c.revokedAt === null]),
        [
          [false, false],
          [true, true],
        ],
      );
      const audit = data['auditLog'] as Array<{ action: string }>;
      assert.deepEqual(
        audit.map((a) => a.action),
        ['invitation.accept', 'consent.grant', 'consent.scope'],
      );
      assert.equal((data['programmeChanges'] as Array<{ kind: string }>)[0]?.kind, 'hold');
    });

    test('every table of personal data is in the export, with what the user stored', async () => {
      const withUser = await t.db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY 1",
      );
      for (const { table_name } of withUser) {
        assert.ok(
          table_name in EXPORTED || NOT_EXPORTED.has(table_name),
          `${table_name} is not in the export`,
        );
      }

      const user = await t.newUser({ timeZone: 'Europe/Berlin', madeAt: new Date('2026-03-01T00:00:00Z') });
      const ok = async (res: Promise<Response>) => {
        const r = await res;
        assert.ok(r.status < 300, `${r.url} -> ${r.status} ${await r.clone().text()}`);
      };
      const cancer = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, id === 'cancer_history']));
      await ok(user.call('/api/screenings', { json: { answers: cancer } }));
      await ok(
        user.call('/api/clearances', {
          json: { clearedOn: '2026-03-09', note: 'oncology follow-up' },
          headers: { 'idempotency-key': randomUUID() },
        }),
      );
      await ok(
        user.call('/api/baseline', {
          method: 'PUT',
          json: {
            painNow: 6,
            painWeekAverage: 5,
            peg: { pain: 5, enjoyment: 4, activity: 4 },
            sittingHoursPerWorkday: 7,
            stress: 6,
          },
        }),
      );
      await ok(checkinCall(user, { pain: 4, stress: 3 }));
      await ok(
        user.call('/api/measures/responses', {
          json: { instrumentId: 'pss4', answers: { pss4_1: 2 }, completed: false },
        }),
      );
      await ok(
        user.call('/api/stress/sessions', {
          json: {
            plannedMinutes: 1,
            durationSeconds: 60,
            inhaleSeconds: 5,
            exhaleSeconds: 5,
            stressBefore: 6,
            stressAfter: 4,
          },
          headers: { 'idempotency-key': randomUUID() },
        }),
      );
      await ok(user.call('/api/stress/reflection', { method: 'PUT', json: { ruleId: 'simplify' } }));
      await ok(user.call('/api/lessons/starts-at-the-hips/read', { method: 'PUT' }));
      await ok(user.call('/api/program/prefs', { method: 'PUT', json: { stayOnChair: true } }));
      await ok(
        user.call('/api/exercise-sessions', {
          json: {
            variant: 'chair',
            plannedSets: 3,
            plannedHoldSeconds: 10,
            achievedHoldSeconds: [10, 10, 10],
            painBefore: 3,
            painAfter: 3,
            stoppedEarly: 'none',
          },
          headers: { 'idempotency-key': randomUUID() },
        }),
      );
      await ok(user.call('/api/break-settings', { method: 'PUT', json: { workMinutes: 45 } }));
      await ok(
        user.call('/api/break-events', {
          json: { events: [{ type: 'present', at: Date.parse('2026-03-10T09:00:00Z') }] },
        }),
      );

      // A sign-in at an OpenID Provider, linked as single sign-on does (oidc-routes.test.ts covers how).
      await t.db.query(
        'INSERT INTO user_identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4)',
        ['https://login.example.org', 'subject-1', user.id, new Date('2026-03-10T12:00:00Z')],
      );

      const data = (await (await user.call('/api/me/export')).json()) as Record<string, unknown>;
      for (const [table, key] of Object.entries(EXPORTED)) {
        const value = data[key];
        const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
        assert.ok(!empty, `${key} (table ${table}) is empty in the export`);
      }
      assert.equal((data['breakSettings'] as { workMinutes: number }).workMinutes, 45);
      assert.equal((data['programPrefs'] as { stayOnChair: boolean }).stayOnChair, true);
      assert.deepEqual(data['linkedSignIns'], [
        {
          issuer: 'https://login.example.org',
          subject: 'subject-1',
          linkedAt: '2026-03-10T13:00:00.000+01:00',
        },
      ]);
      // Times are ISO 8601 with the user's offset (this user is in Europe/Berlin: UTC+1 in March).
      assert.deepEqual(data['breakEvents'], [{ type: 'present', at: '2026-03-10T10:00:00.000+01:00' }]);
      const checkins = data['checkins'] as { updatedAt: string }[];
      assert.match(checkins[0]?.updatedAt ?? '', /^2026-03-10T\d\d:\d\d:\d\d\.\d{3}\+01:00$/);
    });
  });
}
