import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RED_FLAG_IDS } from '@hipwise/core';
import type { Database } from '../db/database.js';
import { DATABASE_KINDS, freshDatabase, skipPostgres } from '../testing/test-databases.js';
import { findBaseline, upsertBaseline } from './baselines.js';
import { checkinsBetween, upsertCheckinUnderKey } from './checkins.js';
import { insertScreening, latestScreening } from './screenings.js';
import { todayData, utcIso } from './today.js';
import { insertUser } from './users.js';
import { baselineBody, NO_RED_FLAGS } from '../testing/fixtures.js';

test('utcIso writes UTC wall-clock text as toISOString would', () => {
  for (const [text, expected] of [
    ['2026-03-10T12:00:00', '2026-03-10T12:00:00.000Z'],
    ['2026-03-10T12:00:00.5', '2026-03-10T12:00:00.500Z'],
    ['2026-03-10T12:00:00.123', '2026-03-10T12:00:00.123Z'],
    ['2026-03-10T23:59:59.999999', '2026-03-10T23:59:59.999Z'],
    ['2026-03-10T23:59:59.25', '2026-03-10T23:59:59.250Z'],
    ['2026-03-10T00:00:00.000001', '2026-03-10T00:00:00.000Z'],
  ] as const) {
    assert.equal(utcIso(text), expected);
    assert.equal(utcIso(text), new Date(`${text}Z`).toISOString());
  }
});

// The key and its answer do not matter here; each write needs its own key.
const upsertCheckin = (
  db: Database,
  c: Omit<Parameters<typeof upsertCheckinUnderKey>[1], 'key' | 'requestHash'>,
) => upsertCheckinUnderKey(db, { ...c, key: randomUUID(), requestHash: 'h' });

const noFlags = NO_RED_FLAGS;

for (const kind of DATABASE_KINDS) {
  describe(`todayData on ${kind}`, { skip: skipPostgres(kind) }, () => {
    test('answers exactly what the three single-table reads answer', async () => {
      const { db, drop } = await freshDatabase(kind);
      try {
        const joined = new Date('2026-01-05T08:30:00.250Z');
        const user = (await insertUser(db, {
          email: 'a@example.org',
          passwordHash: 'h',
          timeZone: 'UTC',
          now: joined,
        }))!;
        const other = (await insertUser(db, {
          email: 'b@example.org',
          passwordHash: 'h',
          timeZone: 'UTC',
          now: joined,
        }))!;

        const empty = await todayData(db, user.id, '2026-01-01', '2026-03-31');
        assert.deepEqual(empty, { screening: null, baseline: null, checkin: null, historyJson: '[]' });

        await insertScreening(db, { userId: user.id, answers: noFlags, outcome: 'clear', now: joined });
        await insertScreening(db, {
          userId: user.id,
          answers: { ...noFlags, [RED_FLAG_IDS[0]]: true },
          outcome: 'see_clinician',
          now: new Date('2026-01-06T09:00:00.001Z'),
        });
        const body = baselineBody({ peg: { pain: 6, enjoyment: 4, activity: 5 }, stress: 4 });
        await upsertBaseline(db, { userId: user.id, body, pegScore: 5, now: joined });
        for (const [day, pain, note] of [
          ['2026-01-31', 9, 'outside the range'],
          ['2026-02-01', 6, null],
          ['2026-02-03', 4, 'Long day at the desk, "quoted" and ünicode'],
          ['2026-03-01', 2, null],
        ] as const) {
          await upsertCheckin(db, {
            userId: user.id,
            day,
            body: { pain, stress: 3, ...(note ? { note } : {}) },
            now: new Date(`${day}T19:45:12.345Z`),
          });
        }
        // Replaced later the same day, with a note that JSON has to escape.
        const tricky = 'Long day, "quoted", back\\slash, ünicode 😀\nand a second line';
        await upsertCheckin(db, {
          userId: user.id,
          day: '2026-02-03',
          body: { pain: 5, stress: 2, note: tricky },
          now: new Date('2026-02-03T21:00:00Z'),
        });
        await upsertCheckin(db, {
          userId: other.id,
          day: '2026-02-02',
          body: { pain: 1, stress: 1 },
          now: joined,
        });

        const got = await todayData(db, user.id, '2026-02-01', '2026-03-01');
        const single = await checkinsBetween(db, user.id, '2026-02-01', '2026-03-01');
        const { historyJson, ...parsed } = got;
        assert.deepEqual(parsed, {
          screening: await latestScreening(db, user.id),
          baseline: await findBaseline(db, user.id),
          checkin: single.at(-1),
        });
        // The history is the same check-ins as their days and values, text as stored.
        assert.deepEqual(
          JSON.parse(historyJson),
          single.map(({ date, pain, stress, note }) => ({ date, pain, stress, note })),
        );
        assert.equal(got.screening?.outcome, 'see_clinician');
        assert.equal(got.screening?.createdAt, '2026-01-06T09:00:00.001Z');
        assert.deepEqual(
          single.map((c) => [c.date, c.pain, c.note]),
          [
            ['2026-02-01', 6, null],
            ['2026-02-03', 5, tricky],
            ['2026-03-01', 2, null],
          ],
        );
        assert.deepEqual(
          [got.checkin?.createdAt, got.checkin?.updatedAt],
          ['2026-03-01T19:45:12.345Z', '2026-03-01T19:45:12.345Z'],
        );
        // No check-in on the last day of the range: none for today, the history unchanged.
        const dayAfter = await todayData(db, user.id, '2026-02-01', '2026-03-02');
        assert.equal(dayAfter.checkin, null);
        assert.equal(dayAfter.historyJson, historyJson);
      } finally {
        await drop();
      }
    });
  });
}
