import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InstrumentId } from './instrument.js';
import { dueOn, schedule } from './schedule.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { INSTRUMENT_IDS } from './registry.js';

const start = '2026-03-02';

const day = (n: number) => addDays(start, n - 1);

test('the first week is spread: STarT Back on day 1, RMDQ on day 3, PSS-4 on day 5; PSS-10 never', () => {
  const completions: Partial<Record<InstrumentId, LocalDate[]>> = {};
  const asked: string[] = [];
  for (let n = 1; n <= 7; n += 1) {
    const due = dueOn({ start, today: day(n), enabled: INSTRUMENT_IDS, completions, baselineOn: start });
    assert.ok(due.length <= 1, `day ${n}: ${due.map((d) => d.instrumentId).join(', ')}`);
    for (const d of due) {
      asked.push(`${n}:${d.instrumentId}`);
      (completions[d.instrumentId] ??= []).push(day(n));
    }
  }
  assert.deepEqual(asked, ['1:start_back', '3:rmdq', '5:pss4']);
});

test('with no baseline, day 1 asks one questionnaire and queues the rest a day apart', () => {
  const plan = schedule({ start, today: start, enabled: INSTRUMENT_IDS, completions: {} });
  assert.deepEqual(
    plan.map((p) => [p.instrumentId, p.dueDate, p.due]),
    [
      ['start_back', day(1), true],
      ['peg', day(2), false],
      ['pain_nrs', day(3), false],
      ['rmdq', day(4), false],
      ['pss4', day(5), false],
    ],
  );
  assert.ok(plan.every((p) => p.reason === 'baseline'));
});

test('nothing more is due on a day a questionnaire was answered; what waits moves to tomorrow', () => {
  const completions = { start_back: [day(1)], rmdq: [day(5)] };
  const plan = schedule({ start, today: day(5), enabled: INSTRUMENT_IDS, completions, baselineOn: start });
  assert.equal(plan.filter((p) => p.due).length, 0);
  assert.equal(plan.find((p) => p.instrumentId === 'pss4')?.dueDate, day(6));
});

test('after baseline: pain and PEG weekly, RMDQ and PSS-4 fortnightly, STarT Back never again', () => {
  const completions = { pain_nrs: [start], peg: [start], rmdq: [start], start_back: [start], pss4: [start] };
  const plan = schedule({ start, today: '2026-03-08', enabled: INSTRUMENT_IDS, completions });
  const byId = Object.fromEntries(plan.map((p) => [p.instrumentId, p]));
  // Each is due a week or a fortnight after the start; the second of a pair waits a day.
  assert.equal(byId.peg?.dueDate, '2026-03-09');
  assert.equal(byId.pain_nrs?.dueDate, '2026-03-10');
  assert.equal(byId.rmdq?.dueDate, '2026-03-16');
  assert.equal(byId.pss4?.dueDate, '2026-03-17');
  assert.equal(byId.start_back?.dueDate, null);
  assert.equal(byId.start_back?.reason, 'done');
  assert.equal(dueOn({ start, today: '2026-03-08', enabled: INSTRUMENT_IDS, completions }).length, 0);
  const mar9 = schedule({ start, today: '2026-03-09', enabled: INSTRUMENT_IDS, completions });
  assert.deepEqual(
    mar9.filter((p) => p.due).map((p) => p.instrumentId),
    ['peg'],
  );
  assert.equal(mar9.find((p) => p.instrumentId === 'pain_nrs')?.dueDate, '2026-03-10');
  const later = { ...completions, peg: [start, '2026-03-09'], pain_nrs: [start, '2026-03-10'] };
  const mar16 = schedule({ start, today: '2026-03-16', enabled: INSTRUMENT_IDS, completions: later });
  assert.deepEqual(
    mar16.map((p) => [p.instrumentId, p.dueDate, p.due]),
    [
      ['peg', '2026-03-16', true],
      ['rmdq', '2026-03-17', false],
      ['pss4', '2026-03-18', false],
      ['pain_nrs', '2026-03-19', false],
      ['start_back', null, false],
    ],
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
  const input = {
    start,
    today: '2026-04-30',
    enabled: ['pain_nrs', 'pss4'] as const,
    completions: { pain_nrs: ['2026-03-02'] },
  };
  assert.deepEqual(
    dueOn(input).map((d) => [d.instrumentId, d.dueDate]),
    [['pss4', '2026-03-06']],
  );
  assert.deepEqual(
    schedule(input).map((d) => [d.instrumentId, d.dueDate, d.due]),
    [
      ['pss4', '2026-03-06', true],
      ['pain_nrs', '2026-05-01', false],
    ],
  );
});
