import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../time/local-date.js';
import type { ExerciseSessionRecord } from '../exercise/session-record.js';
import { LESSON_IDS, type LessonId } from '../program/lessons.js';
import { SITTING_RULE_IDS } from '../program/sitting-rules.js';
import { RED_FLAG_IDS, type RedFlagId } from '../screening/red-flags.js';
import { triage, type RedFlagAnswers } from '../screening/triage.js';
import { dailyPlan, planBlock, type DailyPlan, type DailyPlanInput, type PlanItem } from './daily-plan.js';

const START = '2026-03-01';
const day = (n: number) => addDays(START, n - 1);

const answers = (yes: RedFlagId[] = []) =>
  Object.fromEntries(RED_FLAG_IDS.map((id) => [id, yes.includes(id)])) as RedFlagAnswers;
/** A screening on day n with these flags answered yes, with the outcome triage gives it. */
const screening = (n: number, yes: RedFlagId[] = []) => ({
  outcome: triage(answers(yes)),
  date: day(n),
  answers: answers(yes),
});

function input(overrides: Partial<DailyPlanInput> = {}): DailyPlanInput {
  return {
    today: day(1),
    startDate: START,
    latestScreening: screening(1),
    clearScreeningDates: [day(1)],
    clearances: [],
    recentCheckins: [],
    baselineWeekAverage: 3,
    lessonsRead: [],
    exerciseHistory: [],
    exercisePrefs: { stayOnChair: false },
    latestCheckinDate: null,
    walkingBreaks: { taken: 0, goal: 6 },
    ...overrides,
  };
}

function session(n: number, kind: 'good' | 'stop' | 'other' = 'good', hold = 10): ExerciseSessionRecord {
  return {
    variant: 'chair',
    date: day(n),
    plannedSets: 3,
    plannedHoldSeconds: hold,
    achievedHoldSeconds: kind === 'good' ? [hold, hold, hold] : [3],
    painBefore: 2,
    painAfter: 2,
    stoppedEarly: kind === 'good' ? 'none' : kind === 'stop' ? 'pain' : 'other',
  };
}

function ready(plan: DailyPlan): readonly PlanItem[] {
  assert.equal(plan.status, 'ready', JSON.stringify(plan));
  return plan.items;
}

function item<K extends PlanItem['kind']>(
  plan: DailyPlan,
  kind: K,
): Extract<PlanItem, { kind: K }> | undefined {
  return ready(plan).find((i): i is Extract<PlanItem, { kind: K }> => i.kind === kind);
}

test('day 1: lesson 1, chair 3 x 10 s, check-in and sitting goals, nothing done yet', () => {
  const plan = dailyPlan(input());
  assert.equal(plan.date, day(1));
  assert.equal(plan.status === 'ready' && plan.programDay, 1);
  assert.deepEqual(
    ready(plan).map((i) => [i.id, i.kind, i.done]),
    [
      ['lesson:starts-at-the-hips', 'lesson', false],
      ['exercise', 'exercise', false],
      ['checkin', 'checkin', false],
      ['sitting', 'sitting', false],
    ],
  );
  const ex = item(plan, 'exercise');
  assert.deepEqual(
    [ex?.variant, ex?.sets, ex?.holdSeconds, ex?.title],
    ['chair', 3, 10, 'Boat pose on a chair: 3\u00a0×\u00a010\u00a0s'],
  );
  assert.equal(item(plan, 'lesson')?.title, 'Where the method looks: the hips');
});

const blockCases: Array<[string, Partial<DailyPlanInput>, string]> = [
  ['no screening yet', { latestScreening: null }, '{"code":"screening_missing"}'],
  [
    'see a clinician soon',
    { latestScreening: screening(1, ['cancer_history']) },
    '{"code":"screening_not_clear","outcome":"see_clinician","clearanceAllowed":true}',
  ],
  [
    'same day',
    { latestScreening: screening(1, ['fever_unwell']) },
    '{"code":"screening_not_clear","outcome":"same_day","clearanceAllowed":true}',
  ],
  [
    'emergency',
    { latestScreening: screening(1, ['saddle_numbness']) },
    '{"code":"screening_not_clear","outcome":"emergency","clearanceAllowed":false}',
  ],
  [
    'a later screening that is not clear outranks the pause',
    {
      today: day(5),
      exerciseHistory: [session(2, 'stop'), session(4, 'stop')],
      latestScreening: screening(5, ['saddle_numbness']),
    },
    '{"code":"screening_not_clear","outcome":"emergency","clearanceAllowed":false}',
  ],
];

for (const [name, overrides, reason] of blockCases) {
  test(`the whole plan is blocked: ${name}`, () => {
    const plan = dailyPlan(input(overrides));
    assert.equal(plan.status, 'blocked');
    assert.equal(plan.status === 'blocked' && JSON.stringify(plan.reason), reason);
    assert.deepEqual(plan.items, []);
  });
}

test('the whole plan is blocked: two stops for pain in a week', () => {
  const plan = dailyPlan(input({ today: day(4), exerciseHistory: [session(2, 'stop'), session(4, 'stop')] }));
  assert.ok(plan.status === 'blocked' && plan.reason.code === 'safety_pause');
  assert.deepEqual(plan.reason.pause.triggeredBy, [day(2), day(4)]);
});

test('the whole plan is blocked: two sessions on one day with pain 2 -> 6 and no stop', () => {
  const rose = { ...session(3), painBefore: 2, painAfter: 6 };
  const plan = dailyPlan(input({ today: day(3), exerciseHistory: [rose, rose] }));
  assert.ok(plan.status === 'blocked' && plan.reason.code === 'safety_pause');
  assert.deepEqual(
    plan.reason.pause.triggers.map((t) => t.reason),
    ['pain_rose', 'pain_rose'],
  );
});

test('a clear screening after the last stop lifts the pause', () => {
  const history = [session(2, 'stop'), session(4, 'stop')];
  assert.equal(dailyPlan(input({ today: day(5), exerciseHistory: history })).status, 'blocked');
  const plan = dailyPlan(
    input({
      today: day(5),
      exerciseHistory: history,
      latestScreening: screening(5),
      clearScreeningDates: [day(1), day(5)],
    }),
  );
  assert.equal(plan.status, 'ready');
});

test('a clinician clearance dated after the last painful session lifts the pause; one dated before does not', () => {
  const history = [session(2, 'stop'), session(4, 'stop')];
  const cleared = (n: number) =>
    input({ today: day(6), exerciseHistory: history, clearances: [{ clearedOn: day(n), coveredFlags: [] }] });
  assert.equal(dailyPlan(cleared(5)).status, 'ready');
  assert.equal(dailyPlan(cleared(4)).status, 'blocked');
});

test('a clearance unlocks "see a clinician soon" and "same day" without changing the answers', () => {
  for (const flag of ['cancer_history', 'fever_unwell', 'trauma'] as const) {
    const s = screening(1, [flag]);
    assert.notEqual(planBlock(input({ latestScreening: s })), null, flag);
    const plan = dailyPlan(
      input({ latestScreening: s, clearances: [{ clearedOn: day(1), coveredFlags: [flag] }] }),
    );
    assert.equal(plan.status, 'ready', flag);
  }
});

test('a clearance never unlocks an emergency', () => {
  const s = screening(2, ['saddle_numbness']);
  const block = planBlock(
    input({ latestScreening: s, clearances: [{ clearedOn: day(2), coveredFlags: ['saddle_numbness'] }] }),
  );
  assert.equal(block?.code, 'screening_not_clear');
});

test('a clearance covers a later screening with the same flags, not one with a new flag', () => {
  const clearances = [{ clearedOn: day(1), coveredFlags: ['cancer_history' as const] }];
  assert.equal(planBlock(input({ latestScreening: screening(90, ['cancer_history']), clearances })), null);
  const newFlag = planBlock(
    input({ latestScreening: screening(90, ['cancer_history', 'weight_loss']), clearances }),
  );
  assert.equal(newFlag?.code, 'screening_not_clear');
});

test('rescreen: offered when pain rises, when 12 weeks have passed, and when the questions changed', () => {
  const rising = Array.from({ length: 5 }, (_, i) => ({ date: day(10 + i), pain: 5 }));
  assert.deepEqual(dailyPlan(input({ today: day(14), recentCheckins: rising })).rescreen.reasons, [
    'pain_rising',
  ]);
  assert.deepEqual(dailyPlan(input({ today: day(85) })).rescreen.reasons, ['due']);
  assert.deepEqual(dailyPlan(input({ today: day(84) })).rescreen.reasons, []);
  const old = {
    outcome: 'clear' as const,
    date: day(1),
    answers: { saddle_numbness: false, age_onset: false },
  };
  assert.deepEqual(dailyPlan(input({ latestScreening: old })).rescreen.reasons, ['questions_changed']);
});

const read = (id: LessonId, n: number) => ({ lessonId: id, date: day(n) });

const lessonCases: Array<
  [string, number, Array<{ lessonId: LessonId; date: string }>, LessonId | null, boolean]
> = [
  ['day 1, nothing read: lesson 1', 1, [], 'starts-at-the-hips', false],
  ['day 1, lesson 1 read today: ticked', 1, [read('starts-at-the-hips', 1)], 'starts-at-the-hips', true],
  ['day 2, lesson 1 read yesterday: lesson 2', 2, [read('starts-at-the-hips', 1)], 'pelvic-tilt', false],
  ['day 3, nothing read: the earliest unread, lesson 1', 3, [], 'starts-at-the-hips', false],
  [
    'day 3, lessons 1 and 3 read: lesson 2',
    3,
    [read('starts-at-the-hips', 1), read('uneven-sides', 3)],
    'pelvic-tilt',
    false,
  ],
  [
    'day 2, both open lessons read today: the later one ticked',
    2,
    [read('starts-at-the-hips', 2), read('pelvic-tilt', 2)],
    'pelvic-tilt',
    true,
  ],
  [
    'day 3, all open read on earlier days: no lesson today',
    3,
    [read('starts-at-the-hips', 1), read('pelvic-tilt', 2), read('uneven-sides', 2)],
    null,
    false,
  ],
  [
    'day 12, all read but lesson 7: lesson 7',
    12,
    LESSON_IDS.slice(0, 6).map((id, i) => read(id, i + 1)),
    'evidence',
    false,
  ],
  ['day 12, all read before: no lesson', 12, LESSON_IDS.map((id, i) => read(id, i + 1)), null, false],
  ['before the start date: lesson 1', 0, [], 'starts-at-the-hips', false],
];

for (const [name, n, lessonsRead, want, done] of lessonCases) {
  test(`lesson item: ${name}`, () => {
    const lesson = item(dailyPlan(input({ today: day(n), lessonsRead })), 'lesson');
    assert.equal(lesson?.lessonId ?? null, want);
    if (lesson) {
      assert.equal(lesson.done, done);
      assert.equal(lesson.id, `lesson:${want}`);
      assert.ok(lesson.readingMinutes >= 1 && lesson.readingMinutes < 3);
    }
  });
}

const exerciseCases: Array<
  [string, number, ExerciseSessionRecord[], { done: boolean; rest: boolean; hold: number }]
> = [
  ['a completed session today is done', 2, [session(2)], { done: true, rest: false, hold: 10 }],
  ['a session yesterday is not today’s', 2, [session(1)], { done: false, rest: false, hold: 10 }],
  [
    'stopped for pain today: not done, rest advised',
    2,
    [session(2, 'stop')],
    { done: false, rest: true, hold: 10 },
  ],
  [
    'stopped for another reason today: not done, no rest advice',
    2,
    [session(2, 'other')],
    { done: false, rest: false, hold: 10 },
  ],
  [
    'three good days before: today is 3 x 15 s',
    4,
    [session(1), session(2), session(3)],
    { done: false, rest: false, hold: 15 },
  ],
  [
    'the session that moves you up shows as done at its own plan',
    3,
    [session(1), session(2), session(3)],
    { done: true, rest: false, hold: 10 },
  ],
  [
    'stopped for pain, then completed an easier try: done and rest advised',
    2,
    [session(2, 'stop'), session(2)],
    { done: true, rest: true, hold: 10 },
  ],
];

for (const [name, n, history, want] of exerciseCases) {
  test(`exercise item: ${name}`, () => {
    const ex = item(dailyPlan(input({ today: day(n), exerciseHistory: history })), 'exercise');
    assert.deepEqual([ex?.done, ex?.restAdvised, ex?.holdSeconds], [want.done, want.rest, want.hold]);
  });
}

test('exercise item: a painful session today says why, even after a completed one', () => {
  const stoppedAfterGood = item(
    dailyPlan(input({ today: day(2), exerciseHistory: [session(2), session(2, 'stop')] })),
    'exercise',
  );
  assert.deepEqual([stoppedAfterGood?.done, stoppedAfterGood?.painToday], [true, 'stopped_for_pain']);
  const rose = item(
    dailyPlan(input({ today: day(2), exerciseHistory: [{ ...session(2), painAfter: 4 }] })),
    'exercise',
  );
  assert.deepEqual([rose?.restAdvised, rose?.painToday], [true, 'pain_rose']);
  const fine = item(dailyPlan(input({ today: day(2), exerciseHistory: [session(2)] })), 'exercise');
  assert.deepEqual([fine?.restAdvised, fine?.painToday], [false, null]);
});

test('exercise item follows the floor unlock and the stay-on-chair choice', () => {
  const history = [1, 2, 3, 4, 5, 6].map((n) => session(n, 'good', n <= 3 ? 10 : 15));
  const floor = item(dailyPlan(input({ today: day(7), exerciseHistory: history })), 'exercise');
  assert.deepEqual(
    [floor?.variant, floor?.holdSeconds, floor?.title],
    ['floor', 10, 'Boat pose on the floor: 3\u00a0×\u00a010\u00a0s'],
  );
  const chair = item(
    dailyPlan(input({ today: day(7), exerciseHistory: history, exercisePrefs: { stayOnChair: true } })),
    'exercise',
  );
  assert.deepEqual([chair?.variant, chair?.holdSeconds], ['chair', 20]);
});

test('check-in is done only by a check-in dated today', () => {
  const cases: Array<[string | null, boolean]> = [
    [null, false],
    [day(1), false],
    [day(2), true],
  ];
  for (const [latestCheckinDate, done] of cases) {
    assert.equal(
      item(dailyPlan(input({ today: day(2), latestCheckinDate })), 'checkin')?.done,
      done,
      String(latestCheckinDate),
    );
  }
});

test('sitting goals are done when the breaks taken reach the goal', () => {
  const cases: Array<[number, number, boolean]> = [
    [0, 6, false],
    [5, 6, false],
    [6, 6, true],
    [8, 6, true],
    [0, 0, true],
  ];
  for (const [taken, goal, done] of cases) {
    const sitting = item(dailyPlan(input({ walkingBreaks: { taken, goal } })), 'sitting');
    assert.equal(sitting?.done, done, `${taken}/${goal}`);
    assert.equal(sitting?.title, `Walking breaks: ${taken} of ${goal}`);
    assert.deepEqual([sitting?.breaksTaken, sitting?.breaksGoal], [taken, goal]);
  }
  assert.deepEqual(item(dailyPlan(input()), 'sitting')?.ruleIds, SITTING_RULE_IDS);
});

test('item ids are unique and the order is lesson, exercise, check-in, sitting', () => {
  const items = ready(dailyPlan(input({ today: day(3) })));
  assert.equal(new Set(items.map((i) => i.id)).size, items.length);
  assert.deepEqual(
    items.map((i) => i.kind),
    ['lesson', 'exercise', 'checkin', 'sitting'],
  );
});

test('STarT Back high risk adds a daily calm-down practice after the exercise', () => {
  const plan = dailyPlan(input({ startBackRisk: 'high' }));
  assert.equal(plan.status === 'ready' && plan.startBackRisk, 'high');
  assert.deepEqual(
    ready(plan).map((i) => i.kind),
    ['lesson', 'exercise', 'stress', 'checkin', 'sitting'],
  );
  const stress = item(plan, 'stress');
  assert.deepEqual([stress?.id, stress?.minutes, stress?.done], ['stress', 3, false]);
  assert.equal(stress?.title, 'Calm-down breathing: 3\u00a0minutes');
  assert.equal(
    item(dailyPlan(input({ startBackRisk: 'high', stressSessionsToday: 1 })), 'stress')?.done,
    true,
  );
});

test('STarT Back medium and low risk keep the programme as it is, and say which group the plan follows', () => {
  for (const risk of ['medium', 'low'] as const) {
    const plan = dailyPlan(input({ startBackRisk: risk, stressSessionsToday: 2 }));
    assert.equal(plan.status === 'ready' && plan.startBackRisk, risk);
    assert.equal(item(plan, 'stress'), undefined, risk);
    assert.deepEqual(ready(plan), ready(dailyPlan(input())), risk);
  }
});

test('no STarT Back result (or the questionnaire switched off): no pathway', () => {
  for (const startBackRisk of [null, undefined]) {
    const plan = dailyPlan(input(startBackRisk === null ? { startBackRisk } : {}));
    assert.equal(plan.status === 'ready' && plan.startBackRisk, null);
    assert.equal(item(plan, 'stress'), undefined);
  }
});

test('a blocked plan adds no calm-down item even at high risk', () => {
  const plan = dailyPlan(input({ startBackRisk: 'high', latestScreening: null }));
  assert.equal(plan.status, 'blocked');
  assert.deepEqual(plan.items, []);
});
