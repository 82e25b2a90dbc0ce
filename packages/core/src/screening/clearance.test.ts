import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearanceCovers } from './clearance.js';

const cancer = { outcome: 'see_clinician' as const, answers: { cancer_history: true, fever_unwell: false } };
const fever = { outcome: 'same_day' as const, answers: { fever_unwell: true } };
const saddle = { outcome: 'emergency' as const, answers: { saddle_numbness: true } };
const on = (coveredFlags: Parameters<typeof clearanceCovers>[1][number]['coveredFlags']) => [
  { clearedOn: '2026-05-01', coveredFlags },
];

test('clearance: covers a "soon" screening whose flags it was recorded for', () => {
  assert.equal(clearanceCovers(cancer, on(['cancer_history'])), true);
});

test('clearance: covers a "same day" screening whose flags it was recorded for', () => {
  assert.equal(clearanceCovers(fever, on(['fever_unwell'])), true);
});

test('clearance: never covers an emergency', () => {
  assert.equal(clearanceCovers(saddle, on(['saddle_numbness'])), false);
});

test('clearance: does not cover a flag it was not recorded for', () => {
  assert.equal(clearanceCovers(fever, on(['cancer_history'])), false);
  assert.equal(clearanceCovers(cancer, []), false);
});

test('clearance: any one active clearance that covers every flag is enough', () => {
  const both = { outcome: 'same_day' as const, answers: { cancer_history: true, fever_unwell: true } };
  assert.equal(clearanceCovers(both, [...on(['cancer_history']), ...on(['fever_unwell'])]), false);
  assert.equal(clearanceCovers(both, on(['fever_unwell', 'cancer_history'])), true);
});
