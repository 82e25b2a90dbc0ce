import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LESSON_IDS } from '../program/lessons.js';
import { addDays } from '../time/local-date.js';
import { lessonStates } from './lesson-states.js';

const START = '2026-03-01';
const day = (n: number) => addDays(START, n - 1);

test('day 1: only lesson 1 is open; each lesson opens on its own day', () => {
  const states = lessonStates(START, day(1), []);
  assert.deepEqual(
    states.map((s) => s.id),
    [...LESSON_IDS],
  );
  assert.deepEqual(
    states.map((s) => [s.number, s.unlocked, s.unlocksOn, s.readOn]),
    LESSON_IDS.map((_, i) => [i + 1, i === 0, day(i + 1), null]),
  );
});

const cases: Array<[string, number, number]> = [
  ['day 3: three open', 3, 3],
  ['day 7: all seven open', 7, 7],
  ['day 30: still seven', 30, 7],
  ['before the start: lesson 1 only', 0, 1],
];
for (const [name, n, open] of cases) {
  test(`lessonStates: ${name}`, () => {
    assert.equal(lessonStates(START, day(n), []).filter((s) => s.unlocked).length, open);
  });
}

test('read marks carry their date, and a read lesson stays open', () => {
  const states = lessonStates(START, day(1), [
    { lessonId: 'starts-at-the-hips', date: day(1) },
    { lessonId: 'pelvic-tilt', date: day(2) },
  ]);
  assert.deepEqual(
    states.slice(0, 3).map((s) => [s.id, s.unlocked, s.readOn]),
    [
      ['starts-at-the-hips', true, day(1)],
      ['pelvic-tilt', true, day(2)],
      ['uneven-sides', false, null],
    ],
  );
});
