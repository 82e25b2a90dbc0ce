import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { INSTRUMENTS, type Bundle } from '@hipwise/core';
import { fhirValidator } from '@hipwise/core/testing/fhir';
import { DATABASE_KINDS, skipPostgres } from '../testing/test-databases.js';
import { checkinCall, testApp, type TestApp } from '../testing/test-app.js';

const validateBundle = fhirValidator('Bundle');

const DAY = '2026-03-10';
const BASELINE = {
  painNow: 6,
  painWeekAverage: 5,
  peg: { pain: 7, enjoyment: 5, activity: 6 },
  sittingHoursPerWorkday: 7.5,
  stress: 6,
};
const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

for (const kind of DATABASE_KINDS) {
  describe(`exports on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t.close());

    test('CSV per measure, with the right type, file name and content, times in the user’s zone', async () => {
      const user = await t.newUser({ timeZone: 'Europe/Berlin' });
      const other = await t.newUser();
      await checkinCall(user, { pain: 5, stress: 4, note: 'drive, then "rest"' });
      await checkinCall(other, { pain: 9, stress: 9, note: 'not yours' });
      await user.call('/api/measures/responses', {
        json: {
          instrumentId: 'start_back',
          answers: Object.fromEntries(INSTRUMENTS.start_back.items.map((i) => [i.id, 0])),
          completed: true,
        },
        headers: { 'idempotency-key': randomUUID() },
      });
      await user.call('/api/stress/sessions', {
        json: {
          plannedMinutes: 1,
          durationSeconds: 60,
          inhaleSeconds: 4,
          exhaleSeconds: 6,
          stressBefore: 5,
          stressAfter: 3,
        },
        headers: { 'idempotency-key': randomUUID() },
      });

      const checkins = await user.call('/api/measures/export/checkins.csv');
      assert.equal(checkins.status, 200);
      assert.equal(checkins.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(
        checkins.headers.get('content-disposition'),
        `attachment; filename="hipwise-pain-stress-checkins-${DAY}.csv"`,
      );
      const lines = (await checkins.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines[0], 'date,pain,stress,note,updated_at');
      assert.equal(lines.length, 2, 'only the caller’s own check-in');
      assert.match(lines[1] ?? '', /^2026-03-10,5,4,"drive, then ""rest""",2026-03-10T13:00:00.000\+01:00$/);

      const sb = await (await user.call('/api/measures/export/start_back.csv')).text();
      const [header, row] = sb
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(
        header,
        'source,date,completed_at,instrument_version,total,psychosocial,risk,leg_pain,shoulder_neck_pain,walking,dressing,fear,anxiety,catastrophising,low_mood,bothersomeness',
      );
      assert.equal(
        row,
        'questionnaire,2026-03-10,2026-03-10T13:00:00.000+01:00,sbst-9/en/1,0,0,low,0,0,0,0,0,0,0,0,0',
      );

      const sessions = await user.call('/api/measures/export/stress-sessions.csv');
      assert.match(
        sessions.headers.get('content-disposition') ?? '',
        /hipwise-stress-sessions-2026-03-10\.csv/,
      );
      assert.match(await sessions.text(), /\r\n2026-03-10,[^,]+,1,60,4,6,5,3\r\n$/);

      const empty = await (await user.call('/api/measures/export/rmdq.csv')).text();
      assert.equal(
        empty
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n').length,
        1,
        'header only',
      );
      assert.equal((await user.call('/api/measures/export/odi.csv')).status, 404);
      assert.equal(rowsOf(await (await user.call('/api/measures/export/baseline.csv')).text()).length, 1);
    });

    test('the baseline is in its own CSV, and first in the pain and PEG CSVs, marked as such', async () => {
      const user = await t.newUser({ timeZone: 'America/New_York' });
      assert.equal((await user.call('/api/baseline', { method: 'PUT', json: BASELINE })).status, 200);
      t.clock.set('2026-03-17T12:00:00Z');
      await user.call('/api/measures/responses', {
        json: { instrumentId: 'peg', answers: { pain: 4, enjoyment: 3, activity: 2 }, completed: true },
        headers: { 'idempotency-key': randomUUID() },
      });
      t.clock.set('2026-03-10T12:00:00Z');

      const baseline = rowsOf(await (await user.call('/api/measures/export/baseline.csv')).text());
      assert.deepEqual(baseline, [
        'date,answered_at,updated_at,pain_now,pain_week_average,peg_pain,peg_enjoyment,peg_activity,peg_score,sitting_hours_per_workday,stress',
        '2026-03-10,2026-03-10T08:00:00.000-04:00,2026-03-10T08:00:00.000-04:00,6,5,7,5,6,6,7.5,6',
      ]);
      const peg = rowsOf(await (await user.call('/api/measures/export/peg.csv')).text());
      assert.deepEqual(peg, [
        'source,date,completed_at,instrument_version,total,pain,enjoyment,activity',
        'baseline,2026-03-10,2026-03-10T08:00:00.000-04:00,,6,7,5,6',
        'questionnaire,2026-03-17,2026-03-17T08:00:00.000-04:00,peg-3/en/1,3,4,3,2',
      ]);
      const pain = rowsOf(await (await user.call('/api/measures/export/pain_nrs.csv')).text());
      assert.deepEqual(pain, [
        'source,date,completed_at,instrument_version,total,pain',
        'baseline,2026-03-10,2026-03-10T08:00:00.000-04:00,,6,6',
      ]);
      // Progress shows the same PEG points, so the export and the screen agree.
      const progress = (await (await user.call('/api/measures/progress')).json()) as {
        peg: { date: string; value: number }[];
      };
      assert.deepEqual(
        progress.peg.map((p) => [p.date, p.value]),
        peg.slice(1).map((line) => [line.split(',')[1], Number(line.split(',')[4])]),
      );
    });

    test('the FHIR export is an R4 Bundle of the caller’s observations, valid against the schema', async () => {
      const user = await t.newUser();
      const other = await t.newUser();
      assert.equal((await user.call('/api/baseline', { method: 'PUT', json: BASELINE })).status, 200);
      await checkinCall(user, { pain: 6, stress: 4 });
      t.clock.set('2026-03-11T08:00:00Z');
      await checkinCall(user, { pain: 4, stress: 3 });
      await checkinCall(other, { pain: 9, stress: 9 });
      await user.call('/api/measures/responses', {
        json: { instrumentId: 'peg', answers: { pain: 5, enjoyment: 4, activity: 4 }, completed: true },
        headers: { 'idempotency-key': randomUUID() },
      });
      await user.call('/api/measures/responses', {
        json: {
          instrumentId: 'start_back',
          answers: {
            ...Object.fromEntries(INSTRUMENTS.start_back.items.map((i) => [i.id, 1])),
            bothersomeness: 0,
          },
          completed: true,
        },
        headers: { 'idempotency-key': randomUUID() },
      });
      // A draft is not an observation.
      await user.call('/api/measures/responses', {
        json: { instrumentId: 'rmdq', answers: { rmdq_01: 1 }, completed: false },
      });

      const res = await user.call('/api/measures/export/fhir');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
      assert.equal(
        res.headers.get('content-disposition'),
        'attachment; filename="hipwise-fhir-2026-03-11.json"',
      );
      const bundle = (await res.json()) as Bundle;
      assert.ok(validateBundle(bundle), JSON.stringify(validateBundle.errors?.slice(0, 5), null, 2));
      assert.equal(bundle.type, 'collection');
      const obs = bundle.entry.map((e) => e.resource);
      assert.ok(obs.every((o) => o.subject.reference === `Patient/${user.id}`));
      const pain = obs.filter((o) => o.code.coding[0]?.code === '72514-3');
      const note = 'Baseline: answered when starting hipwise';
      assert.deepEqual(
        pain.map((o) => [o.id, o.effectiveDateTime, o.valueQuantity.value, o.note?.[0]?.text]),
        [
          ['baseline-pain', '2026-03-10T12:00:00.000+00:00', 6, note],
          ['checkin-2026-03-10', '2026-03-10', 6, undefined],
          ['checkin-2026-03-11', '2026-03-11', 4, undefined],
        ],
      );
      const pegs = obs.filter((o) => o.code.coding[0]?.code === '91147-9');
      assert.deepEqual(
        pegs.map((o) => [o.effectiveDateTime, o.valueQuantity.value, o.note?.[0]?.text]),
        [
          ['2026-03-10T12:00:00.000+00:00', 6, note],
          ['2026-03-11T08:00:00.000+00:00', 4.3, undefined],
        ],
      );
      const sb = obs.find((o) => o.code.coding[0]?.code === '91351-7');
      assert.equal(sb?.valueQuantity.value, 8);
      assert.equal(sb?.component?.[1]?.valueCodeableConcept?.coding[0]?.code, 'LA9193-9', 'high risk');
      assert.equal(
        obs.length,
        6,
        'the baseline’s pain and PEG, two check-ins and two completed questionnaires; no draft, nothing of others',
      );
      // The validator does reject a broken bundle, so the check above means something.
      assert.equal(validateBundle({ ...bundle, type: 'pile' }), false);
      t.clock.set('2026-03-10T12:00:00Z');
    });
  });
}
