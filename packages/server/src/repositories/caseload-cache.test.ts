import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  addDays,
  caseloadResponseSchema,
  INSTRUMENTS,
  localDate,
  mondayOf,
  RED_FLAG_IDS,
  type CaseloadMember,
  type CaseloadResponse,
  type LocalDate,
} from '@hipwise/core';
import { checkinCall, describeOnEachStore, type TestApp, type TestUser } from '../testing/test-app.js';
import { breathingSession, chairSession, evenBaseline, NO_RED_FLAGS } from '../testing/fixtures.js';
import { grantConsent, makeClinician, revokeConsent } from '../testing/consent-support.js';
import { CASELOAD_STATE_VERSION } from '../services/caseload-line.js';
import { consentingMembers } from './caseload.js';
import { ensureCacheRows, storeStates } from './caseload-cache.js';

const FLAGGED = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, id === 'cancer_history']));
const key = () => ({ 'idempotency-key': randomUUID() });

async function must(res: Response | Promise<Response>, status?: number): Promise<unknown> {
  const r = await res;
  const text = await r.text();
  if (status === undefined) assert.ok(r.status < 300, `${r.url} -> ${r.status} ${text}`);
  else assert.equal(r.status, status, `${r.url} -> ${r.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

async function caseload(doc: TestUser): Promise<CaseloadResponse> {
  return caseloadResponseSchema.parse(await must(doc.call('/api/clinician/caseload?pageSize=100')));
}

/**
 * The caseload as the cache gives it, then as computed from nothing but the member's rows (every
 * cached state dropped first): they must be the same. Returns the first.
 */
async function cachedAndFresh(
  t: TestApp,
  doc: TestUser,
  between: () => Promise<void> = async () => {},
): Promise<CaseloadResponse> {
  const cached = await caseload(doc);
  await between();
  await t.db.query('UPDATE caseload_cache SET state = NULL');
  const fresh = await caseload(doc);
  assert.deepEqual(cached, fresh, 'the cached caseload differs from the one computed afresh');
  return cached;
}

const lineOf = (list: CaseloadResponse, m: TestUser): CaseloadMember => {
  const line = list.members.find((x) => x.memberId === m.id);
  assert.ok(line, `${m.email} is not on the caseload`);
  return line;
};

async function cacheRow(t: TestApp, memberId: string) {
  const rows = await t.db.query<{ gen: string; version: number | null; has_state: boolean }>(
    'SELECT gen::text AS gen, version, state IS NOT NULL AS has_state FROM caseload_cache WHERE member_id = $1',
    [memberId],
  );
  return rows[0];
}

const windows = (l: CaseloadMember) => ({
  sessionsThisWeek: l.sessionsThisWeek,
  sessionsLastWeek: l.sessionsLastWeek,
  checkinsThisWeek: l.checkinsThisWeek,
  stoppedForPain: l.flags.includes('stopped_for_pain'),
});

/** The line's figures of the last weeks, counted straight from the member's rows. */
async function windowsFromRows(t: TestApp, memberId: string, today: LocalDate) {
  const sessions = await t.db.query<{ day: string; stopped_early: string }>(
    'SELECT day::text AS day, stopped_early FROM exercise_sessions WHERE user_id = $1',
    [memberId],
  );
  const checkins = await t.db.query<{ day: string }>(
    'SELECT day::text AS day FROM checkins WHERE user_id = $1',
    [memberId],
  );
  const monday = mondayOf(today);
  const within = (d: string, from: LocalDate, to: LocalDate) => d >= from && d <= to;
  return {
    sessionsThisWeek: sessions.filter((s) => within(s.day, monday, today)).length,
    sessionsLastWeek: sessions.filter((s) => within(s.day, addDays(monday, -7), addDays(monday, -1))).length,
    checkinsThisWeek: checkins.filter((c) => within(c.day, monday, today)).length,
    stoppedForPain: sessions.some((s) => s.stopped_early === 'pain' && s.day >= addDays(today, -6)),
  };
}

describeOnEachStore('the caseload cache', (t, kind) => {
  async function clinician(): Promise<TestUser> {
    const c = await t.newUser();
    await makeClinician(t.db, c.id);
    return c;
  }

  /** A member who screened clear, gave a baseline, checked in, and consented to `doc`. */
  async function follower(doc: TestUser, timeZone = 'UTC'): Promise<TestUser> {
    const m = await t.newUser({ timeZone });
    await must(m.call('/api/screenings', { json: { answers: NO_RED_FLAGS } }), 201);
    await must(m.call('/api/baseline', { method: 'PUT', json: evenBaseline(4) }), 200);
    await must(checkinCall(m, { pain: 4, stress: 3 }), 201);
    await grantConsent(t.db, { memberId: m.id, clinicianId: doc.id });
    return m;
  }

  test('a write to each table the line reads shows on the next caseload read', async () => {
    t.clock.set('2026-03-10T12:00:00Z');
    const doc = await clinician();
    const m = await follower(doc);
    let line = lineOf(await cachedAndFresh(t, doc), m);
    assert.deepEqual(await cacheRow(t, m.id), {
      gen: '0',
      version: CASELOAD_STATE_VERSION,
      has_state: true,
    });
    const next = async () => lineOf(await cachedAndFresh(t, doc), m);

    // checkins, updated: today's check-in again, with more pain.
    assert.equal(line.pain?.current, 4);
    await must(checkinCall(m, { pain: 8, stress: 3 }));
    line = await next();
    assert.equal(line.pain?.current, 8);

    // checkins, inserted: Wednesday's, the second this week.
    t.clock.set('2026-03-11T09:00:00Z');
    assert.equal((line = await next()).checkinsThisWeek, 1);
    await must(checkinCall(m, { pain: 5, stress: 3 }), 201);
    assert.equal((line = await next()).checkinsThisWeek, 2);

    // exercise_sessions
    assert.equal(line.sessionsThisWeek, 0);
    await must(m.call('/api/exercise-sessions', { json: chairSession(10), headers: key() }), 201);
    assert.equal((line = await next()).sessionsThisWeek, 1);

    // stress_sessions: the last activity moves to the breathing practice.
    t.clock.set('2026-03-11T15:00:00Z');
    await must(m.call('/api/stress/sessions', { json: breathingSession(), headers: key() }), 201);
    assert.equal((line = await next()).lastActivity, '2026-03-11T15:00:00.000Z');

    // questionnaire_responses: a PEG draft saved answer by answer changes nothing, not even the
    // row; finishing it does.
    assert.equal(line.peg?.latest, 4);
    const before = await cacheRow(t, m.id);
    const [p1, p2, p3] = INSTRUMENTS.peg.items.map((i) => i.id);
    const draft = (await must(
      m.call('/api/measures/responses', {
        json: { instrumentId: 'peg', answers: { [p1!]: 7 }, completed: false },
      }),
      201,
    )) as { response: { id: string } };
    const save = (answers: Record<string, number>, completed: boolean) =>
      must(
        m.call(`/api/measures/responses/${draft.response.id}`, {
          method: 'PUT',
          json: { instrumentId: 'peg', answers, completed },
          headers: key(),
        }),
        200,
      );
    await save({ [p1!]: 7, [p2!]: 7 }, false);
    assert.deepEqual(await cacheRow(t, m.id), before, 'a draft made the cached line stale');
    await save({ [p1!]: 7, [p2!]: 7, [p3!]: 7 }, true);
    assert.equal((line = await next()).peg?.latest, 7);

    // screenings
    assert.deepEqual(line.flags, []);
    await must(m.call('/api/screenings', { json: { answers: FLAGGED } }), 201);
    assert.deepEqual((line = await next()).flags, ['screening_not_clear']);

    // clinician_clearances: a clearance lifts it, its revocation (an update) brings it back.
    const cleared = (await must(
      m.call('/api/clearances', { json: { clearedOn: '2026-03-11' }, headers: key() }),
      201,
    )) as { clearance: { id: string } };
    assert.deepEqual((line = await next()).flags, []);
    await must(m.call(`/api/clearances/${cleared.clearance.id}`, { method: 'DELETE' }));
    assert.deepEqual((line = await next()).flags, ['screening_not_clear']);

    // baselines
    assert.equal(line.pain?.baseline, 4);
    await must(m.call('/api/baseline', { method: 'PUT', json: evenBaseline(6) }), 200);
    assert.equal((line = await next()).pain?.baseline, 6);

    // programme_changes, made by the clinician
    assert.equal(line.level.heldAt, null);
    const change = (body: unknown) =>
      must(doc.call(`/api/clinician/members/${m.id}/changes`, { json: body, headers: key() }), 201);
    await change({ kind: 'hold_level', variant: 'chair', level: 1 });
    assert.equal((line = await next()).level.heldAt, 1);
    await change({ kind: 'floor', setting: 'allowed' });
    assert.equal((line = await next()).level.variant, 'floor');

    // program_prefs: the member stays on the chair.
    await must(m.call('/api/program/prefs', { method: 'PUT', json: { stayOnChair: true } }));
    assert.equal((line = await next()).level.variant, 'chair');

    // users.time_zone: the member's dates move with it (the baseline, given on 10 March at 12:00
    // UTC, was on the 11th at UTC+14).
    assert.equal(line.pain?.baselineDate, '2026-03-10');
    await must(m.call('/api/me/settings', { method: 'PATCH', json: { timeZone: 'Pacific/Kiritimati' } }));
    assert.equal((line = await next()).pain?.baselineDate, '2026-03-11');
  });

  test('a state computed from data a write has since changed is not kept', async () => {
    const doc = await clinician();
    const m = await follower(doc);
    await ensureCacheRows(t.db, doc.id);
    const gen = (await consentingMembers(t.db, doc.id)).find((r) => r.id === m.id)?.gen;
    assert.ok(gen !== undefined && gen !== null);
    // A reader read gen, then the member's data; the member writes before the reader stores.
    await must(checkinCall(m, { pain: 9, stress: 1 }));
    const state = { computed: 'before the check-in' };
    assert.equal(await storeStates(t.db, [{ memberId: m.id, gen, state }], 0, t.clock.now()), 0);
    assert.equal((await cacheRow(t, m.id))?.has_state, false);
    const now = (await cacheRow(t, m.id))?.gen;
    assert.ok(now !== undefined && BigInt(now) > BigInt(gen));
    // Under the gen it was computed with, a state is kept (a version no code reads: it stays unused).
    assert.equal(await storeStates(t.db, [{ memberId: m.id, gen: now, state }], 0, t.clock.now()), 1);
    assert.equal(lineOf(await cachedAndFresh(t, doc), m).pain?.current, 9);
  });

  test('a state of another version is computed again', async () => {
    const doc = await clinician();
    const m = await follower(doc);
    const first = lineOf(await caseload(doc), m);
    // What an older hipwise would have left: another shape under another version number.
    await t.db.query(`UPDATE caseload_cache SET version = $2, state = '{"level": 99}' WHERE member_id = $1`, [
      m.id,
      CASELOAD_STATE_VERSION - 1,
    ]);
    assert.deepEqual(lineOf(await caseload(doc), m), first);
    assert.equal((await cacheRow(t, m.id))?.version, CASELOAD_STATE_VERSION);
  });

  test('revoking consent hides the member at once, and the last revocation drops the cached line', async () => {
    const doc = await clinician();
    const other = await clinician();
    const m = await follower(doc);
    const stays = await follower(doc);
    await grantConsent(t.db, { memberId: m.id, clinicianId: other.id });
    lineOf(await caseload(doc), m);
    assert.equal((await cacheRow(t, m.id))?.has_state, true);
    await revokeConsent(t.db, m.id, doc.id);
    const list = await caseload(doc);
    assert.ok(!list.members.some((x) => x.memberId === m.id));
    lineOf(list, stays);
    // Another clinician still follows m: the line stays for them.
    assert.equal((await cacheRow(t, m.id))?.has_state, true);
    lineOf(await caseload(other), m);
    await revokeConsent(t.db, m.id, other.id);
    assert.equal(await cacheRow(t, m.id), undefined);
    assert.ok(!(await caseload(other)).members.some((x) => x.memberId === m.id));
  });

  test("deleting the account deletes the member's cached line", async () => {
    const doc = await clinician();
    const m = await follower(doc);
    lineOf(await caseload(doc), m);
    assert.ok(await cacheRow(t, m.id));
    await must(m.call('/api/me', { method: 'DELETE', json: { password: m.password } }), 204);
    assert.equal(await cacheRow(t, m.id), undefined);
    assert.ok(!(await caseload(doc)).members.some((x) => x.memberId === m.id));
  });

  test(
    "a caseload does not wait for a member's write in progress",
    {
      skip: kind === 'pglite' ? 'one connection: nothing runs beside a transaction' : false,
      timeout: 30_000,
    },
    async () => {
      const doc = await clinician();
      const m = await follower(doc);
      lineOf(await caseload(doc), m);
      await must(checkinCall(m, { pain: 7, stress: 3 }));
      // The member's next write holds their cache row (its trigger marked it) until it commits.
      await t.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO stress_sessions (user_id, day, planned_minutes, duration_seconds, inhale_seconds,
             exhale_seconds, stress_before, stress_after, created_at)
           VALUES ($1, '2026-03-10', 1, 60, 5, 5, 6, 4, $2)`,
          [m.id, t.clock.now()],
        );
        const line = lineOf(await caseload(doc), m);
        assert.equal(line.pain?.current, 7);
      });
      assert.equal((await cacheRow(t, m.id))?.has_state, false, 'the write in progress left its mark');
      lineOf(await cachedAndFresh(t, doc), m);
    },
  );

  test('a stored state is computed again before the day it was computed on, or past its last day', async () => {
    const doc = await clinician();
    t.clock.set('2026-03-01T10:00:00Z'); // a Sunday
    const m = await follower(doc);
    const painful = chairSession(10, {
      stoppedEarly: 'pain',
      achievedHoldSeconds: [3],
      painBefore: null,
      painAfter: null,
    });
    await must(m.call('/api/exercise-sessions', { json: chairSession(10), headers: key() }), 201);
    const check = async () => {
      const line = lineOf(await cachedAndFresh(t, doc), m);
      assert.deepEqual(windows(line), await windowsFromRows(t, m.id, localDate(t.clock.now(), 'UTC')));
      return line;
    };

    // Stored on Tuesday 10 March, with the sessions from Monday 2 March on; then the clock goes
    // back to Sunday 8 March, whose last week holds the session of 1 March.
    t.clock.set('2026-03-10T10:00:00Z');
    assert.equal((await check()).sessionsLastWeek, 0);
    t.clock.set('2026-03-08T10:00:00Z');
    assert.equal((await check()).sessionsLastWeek, 1);

    // Two stops for pain dated 12 March; on the 11th they are ahead of today and pause nothing.
    t.clock.set('2026-03-12T10:00:00Z');
    await must(m.call('/api/exercise-sessions', { json: painful, headers: key() }), 201);
    await must(m.call('/api/exercise-sessions', { json: painful, headers: key() }), 201);
    assert.ok((await check()).flags.includes('safety_pause'));
    t.clock.set('2026-03-11T10:00:00Z');
    assert.ok(!(await check()).flags.includes('safety_pause'));
    // The state stored on the 11th knew of sessions ahead: on the 12th the pause is back.
    t.clock.set('2026-03-12T11:00:00Z');
    assert.ok((await check()).flags.includes('safety_pause'));
  });

  test('the line from the cache is the line computed afresh, over writes and days', async () => {
    const start = Date.parse('2026-04-06T08:00:00Z');
    t.clock.set(new Date(start).toISOString());
    const doc = await clinician();
    const zones = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    const members: TestUser[] = [];
    const zoneOf = new Map<string, string>();
    for (const zone of zones) {
      const m = await follower(doc, zone);
      members.push(m);
      zoneOf.set(m.id, zone);
    }
    const member = fc.integer({ min: 0, max: members.length - 1 });
    const command = fc.oneof(
      fc.record({ kind: fc.constant('clock' as const), hours: fc.integer({ min: -40, max: 100 }) }),
      fc.record({ kind: fc.constant('checkin' as const), member, pain: fc.integer({ min: 0, max: 10 }) }),
      fc.record({
        kind: fc.constant('session' as const),
        member,
        how: fc.constantFrom('good', 'stopped_for_pain', 'pain_rose', 'short'),
        hold: fc.constantFrom(10, 15, 20),
      }),
      fc.record({ kind: fc.constant('breathing' as const), member }),
      fc.record({
        kind: fc.constant('questionnaire' as const),
        member,
        instrument: fc.constantFrom('peg', 'rmdq', 'start_back'),
        pick: fc.nat(),
      }),
      fc.record({ kind: fc.constant('screening' as const), member, flagged: fc.boolean() }),
      fc.record({ kind: fc.constant('clearance' as const), member }),
      fc.record({ kind: fc.constant('baseline' as const), member, level: fc.integer({ min: 0, max: 10 }) }),
      fc.record({ kind: fc.constant('prefs' as const), member, stayOnChair: fc.boolean() }),
      fc.record({
        kind: fc.constant('change' as const),
        member,
        body: fc.constantFrom(
          { kind: 'hold_level', variant: 'chair', level: 2 },
          { kind: 'release_hold' },
          { kind: 'floor', setting: 'allowed' },
          { kind: 'floor', setting: 'withheld' },
        ),
      }),
      fc.record({ kind: fc.constant('zone' as const), member, zone: fc.constantFrom(...zones) }),
    );
    type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

    async function run(c: Command): Promise<void> {
      if (c.kind === 'clock') {
        t.clock.set(new Date(t.clock.now().getTime() + c.hours * 3_600_000).toISOString());
        return;
      }
      const m = members[c.member]!;
      let res: Response;
      switch (c.kind) {
        case 'checkin':
          res = await checkinCall(m, { pain: c.pain, stress: 3 });
          break;
        case 'session': {
          const how = {
            good: {},
            stopped_for_pain: {
              stoppedEarly: 'pain' as const,
              achievedHoldSeconds: [3],
              painBefore: null,
              painAfter: null,
            },
            pain_rose: { painBefore: 2, painAfter: 6 },
            short: { achievedHoldSeconds: [c.hold, 2] },
          }[c.how];
          res = await m.call('/api/exercise-sessions', { json: chairSession(c.hold, how), headers: key() });
          break;
        }
        case 'breathing':
          res = await m.call('/api/stress/sessions', { json: breathingSession(), headers: key() });
          break;
        case 'questionnaire': {
          const items = INSTRUMENTS[c.instrument].items;
          const answers = Object.fromEntries(
            items.map((i, n) => [i.id, i.options[(c.pick + n) % i.options.length]!.value]),
          );
          res = await m.call('/api/measures/responses', {
            json: { instrumentId: c.instrument, answers, completed: true },
            headers: key(),
          });
          break;
        }
        case 'screening':
          res = await m.call('/api/screenings', { json: { answers: c.flagged ? FLAGGED : NO_RED_FLAGS } });
          break;
        case 'clearance':
          // Refused unless the latest screening can be cleared; either way nothing may break.
          res = await m.call('/api/clearances', {
            json: { clearedOn: localDate(t.clock.now(), zoneOf.get(m.id)!) },
            headers: key(),
          });
          break;
        case 'baseline':
          res = await m.call('/api/baseline', { method: 'PUT', json: evenBaseline(c.level) });
          break;
        case 'prefs':
          res = await m.call('/api/program/prefs', { method: 'PUT', json: { stayOnChair: c.stayOnChair } });
          break;
        case 'change':
          res = await doc.call(`/api/clinician/members/${m.id}/changes`, { json: c.body, headers: key() });
          break;
        case 'zone':
          res = await m.call('/api/me/settings', { method: 'PATCH', json: { timeZone: c.zone } });
          if (res.status < 300) zoneOf.set(m.id, c.zone);
          break;
      }
      assert.ok(res.status < 500, `${c.kind}: ${res.status} ${await res.text()}`);
    }

    // How many lines came from a stored state: a cache that never held would pass the comparison.
    let served = 0;
    let lines = 0;
    const computedAt = async () =>
      new Map(
        (
          await t.db.query<{ member_id: string; computed_at: Date }>(
            'SELECT member_id, computed_at FROM caseload_cache WHERE state IS NOT NULL',
          )
        ).map((r) => [r.member_id, r.computed_at.getTime()]),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 12 }), async (commands) => {
        for (const c of commands) {
          await run(c);
          const stored = await computedAt();
          // A state computed now carries a time no stored state has.
          t.clock.set(new Date(t.clock.now().getTime() + 1000).toISOString());
          const list = await cachedAndFresh(t, doc, async () => {
            const after = await computedAt();
            lines += members.length;
            for (const [id, at] of stored) if (after.get(id) === at) served += 1;
          });
          for (const m of members) {
            assert.deepEqual(
              windows(lineOf(list, m)),
              await windowsFromRows(t, m.id, localDate(t.clock.now(), zoneOf.get(m.id)!)),
              `the weekly figures of ${zoneOf.get(m.id)} at ${t.clock.now().toISOString()}`,
            );
          }
        }
      }),
      { numRuns: kind === 'pglite' ? 4 : 3, endOnFailure: true },
    );
    assert.ok(served > lines / 3, `only ${served} of ${lines} lines came from the cache`);
  });
});
