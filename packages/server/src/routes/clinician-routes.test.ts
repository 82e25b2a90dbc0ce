import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  caseloadResponseSchema,
  clinicianMemberResponseSchema,
  dailyPlanSchema,
  programmeChangesResponseSchema,
  RED_FLAG_IDS,
} from '@hipwise/core';
import { checkinCall, describeOnEachStore, type TestApp, type TestUser } from '../testing/test-app.js';
import { chairSession, evenBaseline } from '../testing/fixtures.js';
import { grantConsent, makeClinician, revokeConsent } from '../testing/consent-support.js';

const NO_FLAGS = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, false]));

async function ok<T>(res: Response, schema: { parse(x: unknown): T }, status = 200): Promise<T> {
  const body: unknown = await res.json();
  assert.equal(res.status, status, JSON.stringify(body));
  return schema.parse(body);
}

/** A member who has screened clear, given a baseline and checked in once. */
async function activeMember(t: TestApp, note?: string): Promise<TestUser> {
  const m = await t.newUser();
  assert.equal((await m.call('/api/screenings', { json: { answers: NO_FLAGS } })).status, 201);
  assert.equal((await m.call('/api/baseline', { method: 'PUT', json: evenBaseline(4) })).status, 200);
  const checkin = await checkinCall(m, { pain: 4, stress: 3, ...(note ? { note } : {}) });
  assert.equal(checkin.status, 201);
  return m;
}

async function clinician(t: TestApp): Promise<TestUser> {
  const c = await t.newUser();
  await makeClinician(t.db, c.id);
  return c;
}

const change = (c: TestUser, memberId: string, body: unknown, key = randomUUID()) =>
  c.call(`/api/clinician/members/${memberId}/changes`, { json: body, headers: { 'idempotency-key': key } });

async function auditLines(t: TestApp, memberId: string) {
  return t.db.query<{ action: string; detail: { view?: string; kind?: string }; actor_email: string }>(
    'SELECT action, detail, actor_email FROM audit_log WHERE member_id = $1 ORDER BY id',
    [memberId],
  );
}

async function notFound(res: Response): Promise<string> {
  assert.equal(res.status, 404);
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describeOnEachStore('clinician API', (t) => {
  test('the caseload lists consenting members only, with their figures, and audits each one shown', async () => {
    const doc = await clinician(t);
    const a = await activeMember(t);
    const b = await activeMember(t);
    const notConsenting = await activeMember(t);
    const revoked = await activeMember(t);
    await grantConsent(t.db, { memberId: a.id, clinicianId: doc.id });
    await grantConsent(t.db, { memberId: b.id, clinicianId: doc.id });
    await grantConsent(t.db, { memberId: revoked.id, clinicianId: doc.id });
    await revokeConsent(t.db, revoked.id, doc.id);
    const r = await b.call('/api/exercise-sessions', {
      json: chairSession(10, {
        stoppedEarly: 'pain',
        achievedHoldSeconds: [4],
        painBefore: null,
        painAfter: null,
      }),
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(r.status, 201);

    const list = await ok(await doc.call('/api/clinician/caseload'), caseloadResponseSchema);
    assert.deepEqual(list.members.map((m) => m.email).sort(), [a.email, b.email].sort());
    assert.equal(list.consenting, 2);
    assert.ok(!list.members.some((m) => m.email === notConsenting.email || m.email === revoked.email));
    // Flags first: the stop for pain puts b on top.
    assert.equal(list.members[0]?.email, b.email);
    assert.deepEqual(list.members[0]?.flags, ['stopped_for_pain']);
    const rowA = list.members.find((m) => m.email === a.email)!;
    assert.deepEqual(rowA.flags, []);
    assert.equal(rowA.checkinsThisWeek, 1);
    assert.deepEqual([rowA.level.variant, rowA.level.level], ['chair', 1]);
    assert.equal(rowA.pain?.measure, 'pain');
    assert.equal(rowA.pain?.meaningful, null, 'day 1 is too early to call a change');
    assert.equal(list.members.find((m) => m.email === b.email)?.sessionsThisWeek, 1);

    const flagged = await ok(
      await doc.call('/api/clinician/caseload?flag=stopped_for_pain'),
      caseloadResponseSchema,
    );
    assert.deepEqual(
      flagged.members.map((m) => m.email),
      [b.email],
    );
    const paged = await ok(
      await doc.call('/api/clinician/caseload?sort=email&pageSize=1&page=2'),
      caseloadResponseSchema,
    );
    assert.deepEqual(
      paged.members.map((m) => m.email),
      [[a.email, b.email].sort()[1]],
    );
    assert.equal(paged.total, 2);

    // Three views: a and b on the first, b on the second, one of them on the third.
    const lines = [...(await auditLines(t, a.id)), ...(await auditLines(t, b.id))].filter(
      (l) => l.action === 'member.read',
    );
    assert.equal(lines.length, 4);
    assert.ok(lines.every((l) => l.detail.view === 'caseload' && l.actor_email === doc.email));
    assert.deepEqual(await auditLines(t, notConsenting.id), []);
  });

  test('a bad query string is refused', async () => {
    const doc = await clinician(t);
    for (const q of ['sort=age', 'page=0', 'pageSize=101', 'flag=sad', 'order=up', 'extra=1']) {
      const res = await doc.call(`/api/clinician/caseload?${q}`);
      assert.equal(res.status, 422, q);
    }
  });

  test('no consent, revoked consent, another clinician, a member and an unknown id all get the same 404', async () => {
    const doc = await clinician(t);
    const other = await clinician(t);
    const m = await activeMember(t);
    const probes = (who: TestUser) => [
      who.call(`/api/clinician/members/${m.id}`),
      who.call(`/api/clinician/members/${m.id}/export/fhir`),
      change(who, m.id, { kind: 'message', text: 'hello' }),
    ];
    const codes = async (who: TestUser) => Promise.all((await Promise.all(probes(who))).map(notFound));
    assert.deepEqual(await codes(doc), ['member_not_found', 'member_not_found', 'member_not_found']);
    await grantConsent(t.db, { memberId: m.id, clinicianId: doc.id });
    assert.equal((await doc.call(`/api/clinician/members/${m.id}`)).status, 200);
    assert.deepEqual(await codes(other), ['member_not_found', 'member_not_found', 'member_not_found']);
    await revokeConsent(t.db, m.id, doc.id);
    assert.deepEqual(await codes(doc), ['member_not_found', 'member_not_found', 'member_not_found']);
    const unknown = randomUUID();
    assert.equal(await notFound(await doc.call(`/api/clinician/members/${unknown}`)), 'member_not_found');
    assert.equal(await notFound(await doc.call('/api/clinician/members/not-a-uuid')), 'member_not_found');
    // A member probing clinician routes learns nothing: the 404 of an unknown endpoint.
    for (const res of [
      await m.call('/api/clinician/caseload'),
      await m.call(`/api/clinician/members/${m.id}`),
    ]) {
      assert.equal(await notFound(res), 'not_found');
    }
    assert.equal(await notFound(await change(m, m.id, { kind: 'message', text: 'x' })), 'not_found');
    // Nothing the refused reads did reached the member's trail; the one allowed read did.
    const lines = await auditLines(t, m.id);
    assert.deepEqual(
      lines.map((l) => `${l.action}:${l.detail.view}`),
      ['member.read:summary'],
    );
  });

  test('the member page is the member’s Progress and sessions; notes only when shared', async () => {
    const doc = await clinician(t);
    const hidden = await activeMember(t, 'slept badly');
    const shared = await activeMember(t, 'long drive');
    await grantConsent(t.db, { memberId: hidden.id, clinicianId: doc.id, shareNotes: false });
    await grantConsent(t.db, { memberId: shared.id, clinicianId: doc.id, shareNotes: true });
    const page = await ok(
      await doc.call(`/api/clinician/members/${hidden.id}`),
      clinicianMemberResponseSchema,
    );
    assert.equal(page.notes, null);
    assert.ok(!JSON.stringify(page).includes('slept badly'));
    const own = await (await hidden.call('/api/measures/progress')).json();
    assert.deepEqual(page.progress, own);
    const withNotes = await ok(
      await doc.call(`/api/clinician/members/${shared.id}`),
      clinicianMemberResponseSchema,
    );
    assert.deepEqual(
      withNotes.notes?.map((n) => n.note),
      ['long drive'],
    );
  });

  test('a hold reaches the member’s plan, Today’s list of changes and the audit, once per key', async () => {
    const doc = await clinician(t);
    const m = await activeMember(t);
    await grantConsent(t.db, { memberId: m.id, clinicianId: doc.id });
    const key = randomUUID();
    const body = { kind: 'hold_level', variant: 'chair', level: 1 };
    assert.equal((await change(doc, m.id, body, key)).status, 201);
    assert.equal((await change(doc, m.id, body, key)).status, 201);
    assert.equal((await change(doc, m.id, { kind: 'stress_item', on: true })).status, 201);
    assert.equal((await change(doc, m.id, { kind: 'message', text: 'x'.repeat(501) })).status, 422);
    assert.equal((await change(doc, m.id, { kind: 'hold_level', variant: 'floor', level: 9 })).status, 422);

    // Three good days would move the member up; the hold keeps them at level 1.
    for (const d of ['2026-03-10', '2026-03-11', '2026-03-12']) {
      t.clock.set(`${d}T12:00:00Z`);
      const res = await m.call('/api/exercise-sessions', {
        json: chairSession(10),
        headers: { 'idempotency-key': randomUUID() },
      });
      assert.equal(res.status, 201);
    }
    t.clock.set('2026-03-13T12:00:00Z');
    const plan = dailyPlanSchema.parse(await (await m.call('/api/plan')).json());
    const ex = plan.items.find((i) => i.kind === 'exercise');
    assert.equal(ex?.kind === 'exercise' && ex.holdSeconds, 10);
    assert.ok(
      plan.items.some((i) => i.kind === 'stress'),
      'the extra stress item is on the plan',
    );

    const mine = await ok(await m.call('/api/me/programme-changes'), programmeChangesResponseSchema);
    assert.deepEqual(
      mine.changes.map((c) => [c.change.kind, c.clinicianEmail]),
      [
        ['stress_item', doc.email],
        ['hold_level', doc.email],
      ],
    );
    const lines = (await auditLines(t, m.id)).filter((l) => l.action === 'programme.change');
    assert.deepEqual(
      lines.map((l) => l.detail.kind),
      ['hold_level', 'stress_item'],
    );
    const page = await ok(await doc.call(`/api/clinician/members/${m.id}`), clinicianMemberResponseSchema);
    assert.equal(page.level.heldAt, 1);
    assert.equal(page.extraStressPractice, true);
  });

  test('the clinic export is the member’s FHIR bundle, audited', async () => {
    const doc = await clinician(t);
    const m = await activeMember(t);
    await grantConsent(t.db, { memberId: m.id, clinicianId: doc.id });
    const res = await doc.call(`/api/clinician/members/${m.id}/export/fhir`);
    assert.equal(res.status, 200);
    const bundle = (await res.json()) as { resourceType: string; entry: unknown[] };
    const own = (await (await m.call('/api/measures/export/fhir')).json()) as { entry: unknown[] };
    assert.equal(bundle.resourceType, 'Bundle');
    assert.deepEqual(bundle.entry, own.entry);
    const views = (await auditLines(t, m.id)).map((l) => l.detail.view);
    assert.deepEqual(views, ['export']);
  });
});
