import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextUnreadLesson, programDay, unlockedLessons } from './program-day.js';
import type { LessonId } from '../program/lessons.js';

test('programDay is 1 on the start date and counts calendar days', () => {
  const cases: Array<[string, string, number]> = [
    ['2026-03-01', '2026-03-01', 1],
    ['2026-03-01', '2026-03-02', 2],
    ['2026-03-01', '2026-03-29', 29], // across the EU daylight-saving change: dates, not hours
    ['2024-02-28', '2024-03-01', 3], // leap day
    ['2025-12-31', '2026-01-01', 2],
    ['2026-03-02', '2026-03-01', 0],
  ];
  for (const [start, today, n] of cases) assert.equal(programDay(start, today), n, `${start} -> ${today}`);
});

test('lessons unlock one a day, all seven from day 7, and lesson 1 before the start', () => {
  const cases: Array<[string, number]> = [
    ['2026-02-27', 1],
    ['2026-03-01', 1],
    ['2026-03-02', 2],
    ['2026-03-05', 5],
    ['2026-03-07', 7],
    ['2026-06-01', 7],
  ];
  for (const [today, n] of cases) assert.equal(unlockedLessons('2026-03-01', today).length, n, today);
});

test('nextUnreadLesson takes the earliest unlocked lesson not read', () => {
  const cases: Array<[string, LessonId[], LessonId | null]> = [
    ['2026-03-01', [], 'starts-at-the-hips'],
    ['2026-03-01', ['starts-at-the-hips'], null],
    ['2026-03-03', ['starts-at-the-hips'], 'pelvic-tilt'],
    ['2026-03-03', ['pelvic-tilt'], 'starts-at-the-hips'],
    ['2026-03-03', ['starts-at-the-hips', 'pelvic-tilt', 'uneven-sides'], null],
    ['2026-03-03', ['evidence'], 'starts-at-the-hips'],
  ];
  for (const [today, read, want] of cases) {
    assert.equal(
      nextUnreadLesson('2026-03-01', today, new Set(read))?.id ?? null,
      want,
      `${today} ${read.join(',')}`,
    );
  }
});
