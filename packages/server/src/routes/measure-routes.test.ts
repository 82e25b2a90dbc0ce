import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  INSTRUMENTS,
  type DueResponse,
  type InstrumentId,
  type InstrumentsResponse,
  type ProgressResponse,
  type QuestionnaireResponse,
  type ResponseEnvelope,
} from '@hipwise/core';
import { DATABASE_KINDS, skipPostgres } from '../testing/test-databases.js';
import { testApp, type TestApp, type TestUser } from '../testing/test-app.js';

const BASELINE = {
  painNow: 6,
  painWeekAverage: 6,
  peg: { pain: 6, enjoyment: 5, activity: 4 },
  sittingHoursPerWorkday: 8,
  stress: 6,
};

const all = (id: InstrumentId, value: number) =>
  Object.fromEntries(INSTRUMENTS[id].items.map((i) => [i.id, value]));

async function complete(user: TestUser, instrumentId: InstrumentId, answers: Record<string, number>) {
  const res = await user.call('/api/measures/responses', {
    json: { instrumentId, answers, completed: true },
    headers: { 'idempotency-key': randomUUID() },
  });
  assert.equal(res.status < 300, true, await res.clone().text());
  return (await res.json()) as ResponseEnvelope;
}

for (const kind of DATABASE_KINDS) {
  describe(`questionnaires on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t.close());

    test('every instrument is offered with its licence note', async () => {
      const user = await t.newUser();
      const res = await user.call('/api/measures/instruments');
      assert.equal(res.status, 200);
      const { instruments } = (await res.json()) as InstrumentsResponse;
      assert.deepEqual(
        instruments.map((i) => i.id),
        ['pain_nrs', 'peg', 'rmdq', 'start_back', 'pss4', 'pss10'],
      );
      const rmdq = instruments.find((i) => i.id === 'rmdq');
      assert.match(rmdq?.licence.note ?? '', /non-commercial/);
      assert.equal(rmdq?.cadence, 'every 14\u00a0days');
      assert.equal(instruments.find((i) => i.id === 'start_back')?.cadence, 'once, at the start');
    });

    test('a response saved half way is resumed where it stopped, then scored once on completion', async () => {
      const user = await t.newUser();
      const first = await user.call('/api/measures/responses', {
        json: { instrumentId: 'pss4', answers: { pss4_1: 3 }, completed: false },
      });
      assert.equal(first.status, 201);
      const created = (await first.json()) as ResponseEnvelope;
      assert.equal(created.response.completed, false);
      assert.equal(created.response.scores, null);
      assert.deepEqual(created.progress, {
        answered: 1,
        total: 4,
        fraction: 0.25,
        complete: false,
        nextItemId: 'pss4_2',
      });

      // Coming back: the draft is found by instrument, and resumes at the first unanswered item.
      const draft = (await (await user.call('/api/measures/responses/drafts/pss4')).json()) as {
        draft: ResponseEnvelope | null;
      };
      assert.equal(draft.draft?.response.id, created.response.id);
      assert.equal(draft.draft?.progress.nextItemId, 'pss4_2');

      const partial = await user.call(`/api/measures/responses/${created.response.id}`, {
        method: 'PUT',
        json: { instrumentId: 'pss4', answers: { pss4_1: 3, pss4_2: 1 }, completed: false },
      });
      assert.equal(partial.status, 200);

      // Completing needs an idempotency key; a retry returns the first answer; no second row.
      const answers = { pss4_1: 3, pss4_2: 1, pss4_3: 0, pss4_4: 2 };
      const noKey = await user.call(`/api/measures/responses/${created.response.id}`, {
        method: 'PUT',
        json: { instrumentId: 'pss4', answers, completed: true },
      });
      assert.equal(noKey.status, 400);
      const key = randomUUID();
      const finish = () =>
        user.call(`/api/measures/responses/${created.response.id}`, {
          method: 'PUT',
          json: { instrumentId: 'pss4', answers, completed: true },
          headers: { 'idempotency-key': key },
        });
      const done = await finish();
      assert.equal(done.status, 200);
      const body = (await done.json()) as ResponseEnvelope;
      // 3 + (4-1) + (4-0) + 2 = 12 (items 2 and 3 reversed).
      assert.deepEqual(body.response.scores, { total: 12 });
      assert.equal(body.response.completed, true);
      assert.deepEqual(body.response.answers, answers);
      assert.equal(body.response.date, '2026-03-10');
      const retry = await finish();
      assert.equal(retry.status, 200);
      assert.deepEqual(await retry.json(), body);

      // Finished: no draft left; changing it is refused; a new POST starts a new response.
      const none = (await (await user.call('/api/measures/responses/drafts/pss4')).json()) as { draft: null };
      assert.equal(none.draft, null);
      const again = await user.call(`/api/measures/responses/${created.response.id}`, {
        method: 'PUT',
        json: { instrumentId: 'pss4', answers: { pss4_1: 0 }, completed: false },
      });
      assert.equal(again.status, 409);
      const list = (await (await user.call('/api/measures/responses?instrument=pss4')).json()) as {
        responses: QuestionnaireResponse[];
      };
      assert.equal(list.responses.length, 1);
    });

    test('POSTing answers for an instrument with a draft saves onto that draft', async () => {
      const user = await t.newUser();
      const a = (await (
        await user.call('/api/measures/responses', {
          json: { instrumentId: 'rmdq', answers: { rmdq_01: 1 }, completed: false },
        })
      ).json()) as ResponseEnvelope;
      const b = await user.call('/api/measures/responses', {
        json: { instrumentId: 'rmdq', answers: { rmdq_01: 1, rmdq_02: 0 }, completed: false },
      });
      assert.equal(b.status, 200);
      assert.equal(((await b.json()) as ResponseEnvelope).response.id, a.response.id);
      const done = await complete(user, 'rmdq', { ...all('rmdq', 0), rmdq_01: 1, rmdq_13: 1 });
      assert.equal(done.response.id, a.response.id);
      assert.deepEqual(done.response.scores, { total: 2 });
    });

    test('STarT Back is scored with its subscale and risk group; discard removes a draft', async () => {
      const user = await t.newUser();
      const high = await complete(user, 'start_back', {
        leg_pain: 1,
        shoulder_neck_pain: 0,
        walking: 0,
        dressing: 0,
        fear: 1,
        anxiety: 1,
        catastrophising: 1,
        low_mood: 0,
        bothersomeness: 3,
      });
      assert.deepEqual(high.response.scores, { total: 5, psychosocial: 4, risk: 'high' });
      const draft = (await (
        await user.call('/api/measures/responses', {
          json: { instrumentId: 'peg', answers: { pain: 3 }, completed: false },
        })
      ).json()) as ResponseEnvelope;
      assert.equal(
        (await user.call(`/api/measures/responses/${draft.response.id}`, { method: 'DELETE' })).status,
        204,
      );
      assert.equal((await user.call(`/api/measures/responses/${draft.response.id}`)).status, 404);
      // A completed response cannot be discarded.
      assert.equal(
        (await user.call(`/api/measures/responses/${high.response.id}`, { method: 'DELETE' })).status,
        404,
      );
    });

    test('bad answers get clear, per-field errors and store nothing', async () => {
      const user = await t.newUser();
      const cases: Array<[unknown, string]> = [
        [{ instrumentId: 'odi', answers: {}, completed: false }, 'instrumentId'],
        [{ instrumentId: 'rmdq', answers: { rmdq_01: 2 }, completed: false }, 'answers.rmdq_01'],
        [{ instrumentId: 'rmdq', answers: { pss4_1: 1 }, completed: false }, 'answers.pss4_1'],
        [{ instrumentId: 'pss4', answers: { pss4_1: 1 }, completed: true }, 'answers.pss4_2'],
        [{ instrumentId: 'pss4', answers: {}, completed: false, scores: { total: 0 } }, '_'],
      ];
      for (const [json, field] of cases) {
        const res = await user.call('/api/measures/responses', {
          json,
          headers: { 'idempotency-key': randomUUID() },
        });
        assert.equal(res.status, 422, JSON.stringify(json));
        const err = (await res.json()) as { error: { fields: Record<string, string> } };
        assert.ok(err.error.fields[field], `${JSON.stringify(json)} -> ${JSON.stringify(err.error.fields)}`);
      }
      assert.equal((await user.call('/api/measures/responses?instrument=nope')).status, 422);
      assert.equal((await user.call('/api/measures/responses/not-a-uuid')).status, 404);
      const list = (await (await user.call('/api/measures/responses')).json()) as { responses: unknown[] };
      assert.deepEqual(list.responses, []);
    });

    test('a weekly summary for a date near year 0 or 9999 is a 422, not a 500', async () => {
      // Found by route fuzzing: date=9999-12-31 made the week run past the four-digit years.
      const user = await t.newUser();
      for (const date of ['9999-12-31', '0000-01-01', '3000-01-01']) {
        const res = await user.call(`/api/measures/weekly?date=${date}`);
        assert.equal(res.status, 422, date);
        const { error } = (await res.json()) as { error: { fields: Record<string, string> } };
        assert.equal(error.fields.date, 'must be a date between 1900-01-01 and 2999-12-31');
      }
      assert.equal((await user.call('/api/measures/weekly?date=2999-12-31')).status, 200);
    });

    test('answers with a __proto__ key are refused, not saved as empty answers', async () => {
      // Found by route fuzzing: zod copied the key into a new object, where it set the prototype.
      const user = await t.newUser();
      const raw = await t.request('/api/measures/responses', {
        method: 'POST',
        headers: { cookie: user.cookie, 'content-type': 'application/json' },
        body: '{"instrumentId":"pss4","answers":{"__proto__":{"pss4_1":3}},"completed":false}',
      });
      assert.equal(raw.status, 422);
      const { error } = (await raw.json()) as { error: { fields: Record<string, string> } };
      assert.deepEqual(error.fields, { answers: 'must not have a field named __proto__' });
      const list = (await (await user.call('/api/measures/responses')).json()) as { responses: unknown[] };
      assert.deepEqual(list.responses, []);
    });

    test("another user's response ids are 404 for reading, saving and discarding", async () => {
      const a = await t.newUser();
      const b = await t.newUser();
      const draft = (await (
        await a.call('/api/measures/responses', {
          json: { instrumentId: 'pss4', answers: { pss4_1: 4 }, completed: false },
        })
      ).json()) as ResponseEnvelope;
      const id = draft.response.id;
      assert.equal((await b.call(`/api/measures/responses/${id}`)).status, 404);
      const put = await b.call(`/api/measures/responses/${id}`, {
        method: 'PUT',
        json: { instrumentId: 'pss4', answers: all('pss4', 0), completed: true },
        headers: { 'idempotency-key': randomUUID() },
      });
      assert.equal(put.status, 404);
      assert.equal((await b.call(`/api/measures/responses/${id}`, { method: 'DELETE' })).status, 404);
      const bDraft = (await (await b.call('/api/measures/responses/drafts/pss4')).json()) as { draft: null };
      assert.equal(bDraft.draft, null);
      const bList = (await (await b.call('/api/measures/responses')).json()) as { responses: unknown[] };
      assert.deepEqual(bList.responses, []);
      const bDue = (await (await b.call('/api/measures/due')).json()) as DueResponse;
      assert.deepEqual(bDue.inProgress, []);
      // A's draft is untouched.
      const mine = (await (await a.call(`/api/measures/responses/${id}`)).json()) as ResponseEnvelope;
      assert.deepEqual(mine.response.answers, { pss4_1: 4 });
      assert.equal(mine.response.completed, false);
    });

    test('what is due: one questionnaire a day, STarT Back on day 1, RMDQ on day 3, PSS-4 on day 5 (the baseline counts as pain and PEG)', async () => {
      const user = await t.newUser();
      assert.equal((await user.call('/api/baseline', { method: 'PUT', json: BASELINE })).status, 200);
      const dueIds = async () => {
        const due = (await (await user.call('/api/measures/due')).json()) as DueResponse;
        return { date: due.date, ids: due.due.map((d) => d.instrumentId), inProgress: due.inProgress };
      };
      assert.deepEqual((await dueIds()).date, '2026-03-10');
      assert.deepEqual((await dueIds()).ids, ['start_back']);
      await complete(user, 'start_back', all('start_back', 0));
      assert.deepEqual((await dueIds()).ids, [], 'nothing more on a day one was answered');
      t.clock.set('2026-03-11T12:00:00Z');
      assert.deepEqual((await dueIds()).ids, []);
      t.clock.set('2026-03-12T12:00:00Z');
      assert.deepEqual((await dueIds()).ids, ['rmdq']);
      await complete(user, 'rmdq', all('rmdq', 0));
      await user.call('/api/measures/responses', {
        json: { instrumentId: 'pss4', answers: { pss4_1: 1 }, completed: false },
      });
      t.clock.set('2026-03-14T12:00:00Z');
      const day5 = await dueIds();
      assert.deepEqual(day5.ids, ['pss4']);
      assert.deepEqual(
        day5.inProgress.map((p) => [p.instrumentId, p.answered, p.total]),
        [['pss4', 1, 4]],
      );
      // A week after the baseline pain and PEG are due again, but the open PSS-4 goes first.
      t.clock.set('2026-03-17T12:00:00Z');
      assert.deepEqual((await dueIds()).ids, ['pss4']);
      await complete(user, 'pss4', all('pss4', 0));
      t.clock.set('2026-03-18T12:00:00Z');
      assert.deepEqual((await dueIds()).ids, ['peg']);
      const { schedule } = (await (await user.call('/api/measures/progress')).json()) as ProgressResponse;
      const rmdq = schedule.find((s) => s.instrumentId === 'rmdq');
      assert.deepEqual([rmdq?.reason, rmdq?.dueDate], ['repeat', '2026-03-26']);
      t.clock.set('2026-03-10T12:00:00Z');
    });
  });

  describe(`instruments switched off by configuration, on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(kind, {
        features: { disabledInstruments: ['rmdq', 'start_back'], publicUrl: 'http://127.0.0.1:8080' },
      });
    });
    after(() => t.close());

    test('are not listed, not due, and cannot be answered', async () => {
      const user = await t.newUser();
      await user.call('/api/baseline', { method: 'PUT', json: BASELINE });
      const { instruments } = (await (
        await user.call('/api/measures/instruments')
      ).json()) as InstrumentsResponse;
      assert.deepEqual(
        instruments.map((i) => i.id),
        ['pain_nrs', 'peg', 'pss4', 'pss10'],
      );
      t.clock.set('2026-03-14T12:00:00Z');
      const due = (await (await user.call('/api/measures/due')).json()) as DueResponse;
      t.clock.set('2026-03-10T12:00:00Z');
      assert.deepEqual(
        due.due.map((d) => d.instrumentId),
        ['pss4'],
      );
      const res = await user.call('/api/measures/responses', {
        json: { instrumentId: 'rmdq', answers: all('rmdq', 0), completed: true },
        headers: { 'idempotency-key': randomUUID() },
      });
      assert.equal(res.status, 403);
      const err = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(err.error.code, 'instrument_disabled');
      assert.match(err.error.message, /RMDQ questionnaire is switched off/);
      assert.equal((await user.call('/api/measures/responses/drafts/start_back')).status, 403);
      const progress = (await (await user.call('/api/measures/progress')).json()) as ProgressResponse;
      assert.equal(progress.startBack, null);
      assert.ok(!progress.schedule.some((s) => s.instrumentId === 'rmdq'));
    });
  });
}
