import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  BreakEventsResponse,
  BreakSettingsResponse,
  BreakStatsResponse,
  StoredBreakEvent,
} from '@hipwise/core';
import { breakService, walkingBreaksOn } from '../services/break-service.js';
import { type TestUser, describeOnEachStore } from '../testing/test-app.js';
import { argon2Hasher } from '../services/password-hasher.js';

const MIN = 60_000;
const MADE_AT = new Date('2026-01-05T08:00:00Z');
const T0 = Date.parse('2026-03-10T09:00:00Z'); // a Tuesday; the test clock says 12:00 UTC

/** A morning at the desk: 30 min work, a walk postponed 2 min then taken, a natural break. */
function morning(t0 = T0): StoredBreakEvent[] {
  return [
    { type: 'present', at: t0 },
    { type: 'break-started', at: t0 + 30 * MIN, kind: 'walk', endsAt: t0 + 33 * MIN, cause: 'scheduled' },
    { type: 'break-postponed', at: t0 + 30 * MIN + 5000, kind: 'walk', minutes: 2 },
    { type: 'break-started', at: t0 + 32 * MIN, kind: 'walk', endsAt: t0 + 35 * MIN, cause: 'postponed' },
    { type: 'break-ended', at: t0 + 35 * MIN, kind: 'walk', startedAt: t0 + 32 * MIN, outcome: 'taken' },
    { type: 'away', at: t0 + 50 * MIN, locked: true },
    { type: 'natural-break', at: t0 + 50 * MIN, creditedAt: t0 + 53 * MIN },
    { type: 'present', at: t0 + 60 * MIN },
    { type: 'away', at: t0 + 90 * MIN, locked: false },
  ];
}

const post = (u: TestUser, events: unknown) => u.call('/api/break-events', { json: { events } });
const stats = async (u: TestUser, query = '') =>
  (await (await u.call(`/api/break-stats${query}`)).json()) as BreakStatsResponse;

describeOnEachStore('sitting coach API', (t) => {
  /** A user whose account was made weeks before the events the tests post. */
  const member = (o: { timeZone?: string } = {}) => t.newUser({ ...o, madeAt: MADE_AT });
  const stored = async (userId: string) =>
    (
      await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM break_events WHERE user_id = $1', [
        userId,
      ])
    )[0]!.n;

  test('settings: defaults until saved, then what was saved, with defaults filled in', async () => {
    const u = await member();
    const first = (await (await u.call('/api/break-settings')).json()) as BreakSettingsResponse;
    assert.equal(first.saved, false);
    assert.equal(first.settings.workMinutes, 30);
    assert.equal(first.settings.breakMinutes, 3);
    const put = await u.call('/api/break-settings', {
      method: 'PUT',
      json: {
        workMinutes: 45,
        micro: { enabled: true },
        workingHours: { days: [1, 2, 3, 4, 5], ranges: [{ from: '09:00', to: '17:30' }] },
      },
    });
    assert.equal(put.status, 200);
    const saved = (await (await u.call('/api/break-settings')).json()) as BreakSettingsResponse;
    assert.equal(saved.saved, true);
    assert.equal(saved.settings.workMinutes, 45);
    assert.deepEqual(saved.settings.micro, { enabled: true, everyMinutes: 10, seconds: 20 });
    assert.equal(saved.settings.workingHours?.ranges[0]?.to, '17:30');
  });

  test('settings: invalid values are refused field by field and change nothing', async () => {
    const u = await member();
    const cases: Array<[unknown, string]> = [
      [{ workMinutes: 2 }, 'workMinutes'],
      [{ workMinutes: 10, breakMinutes: 10 }, 'breakMinutes'],
      [{ idleThresholdSeconds: 10 }, 'idleThresholdSeconds'],
      [{ workingHours: { days: [8], ranges: [{ from: '09:00', to: '17:00' }] } }, 'workingHours.days.0'],
      [{ workingHours: { days: [1], ranges: [{ from: '18:00', to: '09:00' }] } }, 'workingHours.ranges.0.to'],
      [{ userId: 'someone else' }, '_'],
    ];
    for (const [body, field] of cases) {
      const res = await u.call('/api/break-settings', { method: 'PUT', json: body });
      assert.equal(res.status, 422, JSON.stringify(body));
      const err = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
      assert.equal(err.error.code, 'validation_failed');
      assert.ok(field in err.error.fields, `${field} in ${JSON.stringify(err.error.fields)}`);
    }
    assert.equal(
      ((await (await u.call('/api/break-settings')).json()) as BreakSettingsResponse).saved,
      false,
    );
  });

  test('events: a retried batch stores nothing twice; an overlapping batch only the new ones', async () => {
    const u = await member();
    const events = morning();
    const first = (await (await post(u, events.slice(0, 5))).json()) as BreakEventsResponse;
    assert.deepEqual(first, { stored: 5, duplicates: 0 });
    const retry = (await (await post(u, events.slice(0, 5))).json()) as BreakEventsResponse;
    assert.deepEqual(retry, { stored: 0, duplicates: 5 });
    const overlap = (await (await post(u, events.slice(3))).json()) as BreakEventsResponse;
    assert.deepEqual(overlap, { stored: 4, duplicates: 2 });
    // Repeats inside one batch count once too.
    const twice = (await (await post(u, [events[0], events[0]])).json()) as BreakEventsResponse;
    assert.deepEqual(twice, { stored: 0, duplicates: 2 });
    assert.equal(await stored(u.id), events.length);
    const back = (await (await u.call('/api/break-events?from=2026-03-10&to=2026-03-10')).json()) as {
      events: StoredBreakEvent[];
    };
    assert.deepEqual(back.events, events);
  });

  test('concurrent retries of one batch store it once', async () => {
    const u = await member();
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(u, morning())));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as BreakEventsResponse[];
    assert.equal(
      bodies.reduce((n, b) => n + b.stored, 0),
      morning().length,
    );
    assert.equal(await stored(u.id), morning().length);
  });

  test('events: bad batches are refused whole', async () => {
    const u = await member();
    const cases: unknown[] = [
      { events: [] },
      { events: [{ type: 'present' }] },
      { events: [{ type: 'teleported', at: T0 }] },
      { events: [{ type: 'present', at: -1 }] },
      {
        events: [
          { type: 'present', at: T0 },
          { type: 'break-postponed', at: T0, kind: 'walk', minutes: 3 },
        ],
      },
      { events: Array.from({ length: 501 }, (_, i) => ({ type: 'present', at: T0 + i })) },
      { events: [{ type: 'present', at: T0 }], userId: 'x' },
    ];
    for (const body of cases) {
      const res = await u.call('/api/break-events', { json: body });
      assert.ok([413, 422].includes(res.status), `${res.status} for ${JSON.stringify(body).slice(0, 80)}`);
    }
    assert.equal(await stored(u.id), 0);
  });

  test('events: a batch with a time ahead of the clock or before the account is refused whole, naming the event', async () => {
    type Refusal = { error: { code: string; message: string; fields: Record<string, string> } };
    const u = await member({ timeZone: 'Europe/Berlin' });
    const now = t.clock.now().getTime();
    const refusal = async (events: StoredBreakEvent[]) => {
      const res = await post(u, events);
      assert.equal(res.status, 422);
      return ((await res.json()) as Refusal).error;
    };

    // Good events first: a refused batch stores none of them.
    const ahead = await refusal([...morning(), { type: 'present', at: now + 6 * MIN }]);
    assert.equal(ahead.code, 'recorded_in_the_future');
    assert.deepEqual(Object.keys(ahead.fields), ['events.9.at']);
    assert.match(
      ahead.message,
      /event 10 of 10 \(back at the computer, 2026-03-10 13:06\) is 6\u00a0minutes later/,
    );
    const begun = await refusal([
      { type: 'break-ended', at: now, kind: 'walk', startedAt: now + 3_600_000, outcome: 'taken' },
    ]);
    assert.deepEqual(Object.keys(begun.fields), ['events.0.startedAt']);
    const early = await refusal([...morning(), { type: 'hours-start', at: MADE_AT.getTime() - 3_600_000 }]);
    assert.equal(early.code, 'recorded_before_account');
    assert.match(
      early.message,
      /\(working hours started, 2026-01-05 08:00\) is before this account was made/,
    );
    assert.equal(await stored(u.id), 0);

    // Up to 5 minutes ahead, and as far back as the account's first day, is taken.
    const edges: StoredBreakEvent[] = [
      { type: 'away', at: MADE_AT.getTime(), locked: false },
      { type: 'present', at: now + 5 * MIN },
    ];
    assert.deepEqual(await (await post(u, edges)).json(), { stored: 2, duplicates: 0 });

    // An account made today has no events from yesterday.
    const fresh = await t.newUser();
    const res = await post(fresh, morning(now - 86_400_000));
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as Refusal).error.code, 'recorded_before_account');
    assert.equal(await stored(fresh.id), 0);
  });

  test("statistics per day and week in the user's zone", async () => {
    const u = await member();
    await post(u, morning());
    const s = await stats(u, '?from=2026-03-09&to=2026-03-10');
    assert.equal(s.today, '2026-03-10');
    assert.deepEqual(
      s.days.map((d) => d.date),
      ['2026-03-09', '2026-03-10'],
    );
    const day = s.days[1]!;
    assert.equal(day.walk.taken, 1);
    assert.equal(day.walk.postponed, 1);
    assert.equal(day.naturalBreaks, 1);
    // Present 09:00-09:50 and 10:00-10:30, minus the walk screen 09:30:00-09:30:05 and 09:32-09:35.
    assert.equal(day.sittingMs, 77 * MIN - 5000);
    assert.equal(day.longestSittingMs, 30 * MIN);
    assert.equal(s.days[0]!.activeMs, 0);
    assert.equal(s.weeks.length, 1);
    assert.equal(s.weeks[0]!.weekStart, '2026-03-09');
    assert.equal(s.weeks[0]!.walkTaken, 1);
    assert.deepEqual(s.walkingBreaksToday, { taken: 2, goal: 14 });

    const byWeeks = await stats(u, '?weeks=2');
    assert.equal(byWeeks.from, '2026-03-02');
    assert.equal(byWeeks.to, '2026-03-10');
    assert.equal(byWeeks.weeks.length, 2);
    assert.equal(byWeeks.weeks[1]!.walkTaken, 1);
  });

  test('a day belongs to the local date: Tokyo sees the morning on its own date', async () => {
    const u = await member({ timeZone: 'Asia/Tokyo' });
    await post(u, morning(Date.parse('2026-03-09T23:00:00Z'))); // 08:00 on the 10th in Tokyo
    const s = await stats(u, '?from=2026-03-09&to=2026-03-10');
    assert.equal(s.days[0]!.walk.taken, 0);
    assert.equal(s.days[1]!.walk.taken, 1);
  });

  test('bad ranges are refused', async () => {
    const u = await member();
    for (const q of [
      '?from=2026-03-10',
      '?from=2026-03-10&to=2026-03-01',
      '?from=2024-01-01&to=2026-01-01',
      '?weeks=99',
      '?weeks=2&from=2026-01-01&to=2026-01-02',
      '?days=3',
    ]) {
      const res = await u.call(`/api/break-stats${q}`);
      assert.equal(res.status, 422, q);
    }
    assert.equal((await u.call('/api/break-events?from=2026-03-10')).status, 422);
  });

  // A hang guard: before the date bounds, the first of these never answered.
  test('dates near year 0 or 9999 are refused, not looped over', { timeout: 30_000 }, async () => {
    const u = await member();
    for (const q of [
      'from=9999-12-31&to=9999-12-31',
      'from=0000-01-01&to=0000-01-07',
      'from=1899-12-31&to=1900-01-01',
    ]) {
      for (const route of ['/api/break-stats', '/api/break-events']) {
        const res = await u.call(`${route}?${q}`);
        assert.equal(res.status, 422, `${route}?${q}`);
        const { error } = (await res.json()) as { error: { message: string } };
        assert.match(error.message, /between 1900-01-01 and 2999-12-31/);
      }
    }
    assert.equal((await u.call('/api/break-stats?from=2999-12-25&to=2999-12-31')).status, 200);
  });

  test("one user never sees another's settings or events", async () => {
    const a = await member();
    const b = await member();
    await post(a, morning());
    await a.call('/api/break-settings', { method: 'PUT', json: { workMinutes: 50 } });
    // B sending A's very events stores B's own copies; A's rows are not touched.
    assert.deepEqual(await (await post(b, morning().slice(0, 2))).json(), { stored: 2, duplicates: 0 });
    const bStats = await stats(b, '?from=2026-03-10&to=2026-03-10');
    assert.equal(bStats.days[0]!.walk.taken, 0);
    assert.equal(
      ((await (await b.call('/api/break-settings')).json()) as BreakSettingsResponse).settings.workMinutes,
      30,
    );
    const bEvents = (await (await b.call('/api/break-events?from=2026-03-10&to=2026-03-10')).json()) as {
      events: unknown[];
    };
    assert.equal(bEvents.events.length, 2);
    assert.equal((await stats(a, '?from=2026-03-10&to=2026-03-10')).days[0]!.walk.taken, 1);
    assert.equal(await stored(a.id), morning().length);
    // Deleting B's account removes B's rows only.
    assert.equal((await b.call('/api/me', { method: 'DELETE', json: { password: b.password } })).status, 204);
    assert.equal(await stored(b.id), 0);
    assert.equal(await stored(a.id), morning().length);
  });

  test('every route needs a session', async () => {
    for (const [method, path] of [
      ['GET', '/api/break-settings'],
      ['PUT', '/api/break-settings'],
      ['POST', '/api/break-events'],
      ['GET', '/api/break-stats'],
    ] as const) {
      const res = await t.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? null : '{}',
      });
      assert.equal(res.status, 401, `${method} ${path}`);
    }
  });

  test('walkingBreaksOn gives the plan the day taken and goal', async () => {
    const u = await member({ timeZone: 'Europe/Berlin' });
    await post(u, morning());
    await u.call('/api/break-settings', {
      method: 'PUT',
      json: { workingHours: { days: [1, 2, 3, 4, 5], ranges: [{ from: '08:00', to: '16:15' }] } },
    });
    const service = breakService({ db: t.db, clock: t.clock, hasher: argon2Hasher(), newToken: () => 'x' });
    assert.deepEqual(await service.walkingBreaksOn(u.id, '2026-03-10'), { taken: 2, goal: 15 });
    assert.deepEqual(await walkingBreaksOn(t.db, u.id, '2026-03-11'), { taken: 0, goal: 15 });
    assert.deepEqual(await t.db.transaction((tx) => walkingBreaksOn(tx, u.id, '2026-03-14')), {
      taken: 0,
      goal: 0,
    });
    // Another user's count is their own.
    const other = await member();
    assert.deepEqual(await walkingBreaksOn(t.db, other.id, '2026-03-10'), { taken: 0, goal: 14 });
  });
});
