import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../time/local-date.js';
import type { DayRecord } from './day-record.js';
import { relationships, type Relationship, type RelationshipId } from './relationships.js';

const START = '2026-01-05';

/** A deterministic pseudo-random sequence in [0, 1) (Park-Miller LCG), so tests never flake. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

function get(rs: Relationship[], id: RelationshipId): Relationship {
  const r = rs.find((x) => x.id === id);
  assert.ok(r, id);
  return r;
}

test('pain = 2 + sitting the day before / 100, exactly -> r = 1 and a large link', () => {
  const n = 30;
  const rand = lcg(2026);
  // Whole minutes drawn independently day to day, so today's sitting says nothing about yesterday's.
  const sitting = Array.from({ length: n }, () => 60 + Math.round(rand() * 540));
  const days: DayRecord[] = sitting.map((s, i) => ({
    date: addDays(START, i),
    sittingMinutes: s,
    pain: i === 0 ? null : 2 + (sitting[i - 1] ?? 0) / 100,
  }));
  const r = get(relationships(days), 'sitting_previous_day');
  assert.equal(r.pairedDays, n - 1);
  assert.ok(Math.abs((r.pearson ?? 0) - 1) < 1e-12);
  assert.ok(Math.abs((r.spearman ?? 0) - 1) < 1e-12);
  assert.equal(r.strength, 'large');
  assert.ok((r.meanDifference ?? 0) > 0);
  assert.match(r.summary, /sat longer than usual, your pain was on average [\d.]+\u00a0points higher/);
  assert.match(r.summary, /not proof that one causes the other/);
  // The same history read on the same day (no lag) shows no such link: the lag is what matters.
  const sameDay = relationships(days.map((d) => ({ ...d, stress: d.sittingMinutes })));
  assert.ok(Math.abs(get(sameDay, 'stress_same_day').spearman ?? 1) < 0.5);
});

test('independent series -> correlation near 0 and no claim of a link', () => {
  const rand = lcg(12345);
  const days: DayRecord[] = Array.from({ length: 150 }, (_, i) => ({
    date: addDays(START, i),
    sittingMinutes: Math.round(rand() * 600),
    breaksTaken: Math.floor(rand() * 10),
    pain: Math.floor(rand() * 11),
    stress: Math.floor(rand() * 11),
  }));
  for (const r of relationships(days)) {
    if (r.id === 'exercise_previous_day') continue;
    assert.ok(Math.abs(r.spearman ?? 1) < 0.2, `${r.id}: ${r.spearman}`);
    assert.ok(r.strength === 'none' || r.strength === 'small', `${r.id}: ${r.strength}`);
  }
});

test('below 14 paired days there is no claim, only the count', () => {
  // 14 calendar days give 13 lag-1 pairs.
  const days: DayRecord[] = Array.from({ length: 14 }, (_, i) => ({
    date: addDays(START, i),
    sittingMinutes: i * 10,
    pain: i,
    stress: i,
  }));
  const rs = relationships(days);
  const sit = get(rs, 'sitting_previous_day');
  assert.equal(sit.pairedDays, 13);
  assert.equal(sit.enough, false);
  assert.equal(sit.strength, null);
  assert.equal(sit.summary, 'Not enough data yet: 13 of 14\u00a0days.');
  // Same-day stress has 14 pairs: enough.
  assert.equal(get(rs, 'stress_same_day').enough, true);
});

test('pairs are made by calendar date: a gap breaks the day-before link', () => {
  const days: DayRecord[] = [
    { date: '2026-01-05', sittingMinutes: 300 },
    { date: '2026-01-07', pain: 4 }, // no record on the 6th
    { date: '2026-01-06', sittingMinutes: 200 },
    { date: '2026-01-09', pain: 5 },
  ];
  const sit = get(relationships(days), 'sitting_previous_day');
  assert.equal(sit.pairedDays, 1);
});

test('exercise: pain 2 points lower on days after a session', () => {
  const days: DayRecord[] = Array.from({ length: 21 }, (_, i) => ({
    date: addDays(START, i),
    exerciseSessions: i % 2 === 0 ? 1 : 0,
    // Day i follows day i-1: after a session (i-1 even) pain is 3, otherwise 5.
    pain: i === 0 ? null : (i - 1) % 2 === 0 ? 3 : 5,
  }));
  const ex = get(relationships(days), 'exercise_previous_day');
  assert.equal(ex.pairedDays, 20);
  assert.deepEqual(ex.groups, [10, 10]);
  assert.equal(ex.meanDifference, -2);
  assert.equal(ex.pearson, -1);
  assert.match(
    ex.summary,
    /^On days after an exercise session, your pain was on average 2\u00a0points lower than on other days \(10\u00a0days after a session, 10 without\)\./,
  );
});

test('exercise: no comparison when almost every day had a session', () => {
  const days: DayRecord[] = Array.from({ length: 20 }, (_, i) => ({
    date: addDays(START, i),
    exerciseSessions: i === 5 ? 0 : 1,
    pain: 4 + (i % 3),
  }));
  const ex = get(relationships(days), 'exercise_previous_day');
  assert.equal(ex.enough, false);
  assert.match(ex.summary, /^Not enough variety yet/);
});

test('stress the same day: pain = stress - 1 -> r = 1', () => {
  const rand = lcg(99);
  const days: DayRecord[] = Array.from({ length: 20 }, (_, i) => {
    const stress = 1 + Math.floor(rand() * 10);
    return { date: addDays(START, i), stress, pain: stress - 1 };
  });
  const st = get(relationships(days), 'stress_same_day');
  assert.equal(st.pairedDays, 20);
  assert.ok(Math.abs((st.spearman ?? 0) - 1) < 1e-12);
  assert.match(st.summary, /stress was higher than usual, your pain was on average .* higher/);
});
