import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueOn, schedule } from './schedule.js';
import { INSTRUMENT_IDS } from './registry.js';

const start = '2026-03-02';

test('on the first day everything scheduled is due as baseline; PSS-10 never is', () => {
  const due = dueOn({ start, today: start, enabled: INSTRUMENT_IDS, completions: {} });
  assert.deepEqual(due.map((d) => d.instrumentId).sort(), ['pain_nrs', 'peg', 'pss4', 'rmdq', 'start_back']);
  assert.ok(due.every((d) => d.dueDate === start && d.reason === 'baseline'));
});

test('after baseline: pain and PEG weekly, RMDQ and PSS-4 fortnightly, STarT Back never again', () => {
  const completions = { pain_nrs: [start], peg: [start], rmdq: [start], start_back: [start], pss4: [start] };
  const plan = schedule({ start, today: '2026-03-08', enabled: INSTRUMENT_IDS, completions });
  const byId = Object.fromEntries(plan.map((p) => [p.instrumentId, p]));
  assert.equal(byId.pain_nrs?.dueDate, '2026-03-09');
  assert.equal(byId.peg?.dueDate, '2026-03-09');
  assert.equal(byId.rmdq?.dueDate, '2026-03-16');
  assert.equal(byId.pss4?.dueDate, '2026-03-16');
  assert.equal(byId.start_back?.dueDate, null);
  assert.equal(byId.start_back?.reason, 'done');
  assert.equal(dueOn({ start, today: '2026-03-08', enabled: INSTRUMENT_IDS, completions }).length, 0);
  assert.deepEqual(
    dueOn({ start, today: '2026-03-09', enabled: INSTRUMENT_IDS, completions })
      .map((d) => d.instrumentId)
      .sort(),
    ['pain_nrs', 'peg'],
  );
  assert.deepEqual(
    dueOn({ start, today: '2026-03-16', enabled: INSTRUMENT_IDS, completions })
      .map((d) => d.instrumentId)
      .sort(),
    ['pain_nrs', 'peg', 'pss4', 'rmdq'],
  );
});

test('a late completion resets the clock; the latest completion counts whatever the order', () => {
  const plan = schedule({
    start,
    today: '2026-03-25',
    enabled: ['rmdq'],
    completions: { rmdq: ['2026-03-20', start] },
  });
  assert.deepEqual(plan, [
    {
      instrumentId: 'rmdq',
      dueDate: '2026-04-03',
      due: false,
      reason: 'repeat',
      lastCompleted: '2026-03-20',
    },
  ]);
});

test('overdue stays due with its original due date; disabled instruments are not scheduled', () => {
  const due = dueOn({
    start,
    today: '2026-04-30',
    enabled: ['pain_nrs', 'pss4'],
    completions: { pain_nrs: ['2026-03-02'] },
  });
  assert.deepEqual(
    due.map((d) => [d.instrumentId, d.dueDate]),
    [
      ['pss4', '2026-03-02'],
      ['pain_nrs', '2026-03-09'],
    ],
  );
});
