import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkinBody,
  exerciseSessionBody,
  questionnaireResponseBody,
  stressSessionBody,
  type ExerciseSessionBody,
  type StoredBreakEvent,
} from '@hipwise/core';
import { FirstMade, withRecordedAt } from './recorded-at';

const MADE = '2026-12-06T22:50:00.000Z';

const session: ExerciseSessionBody = {
  variant: 'chair',
  plannedSets: 3,
  plannedHoldSeconds: 10,
  achievedHoldSeconds: [10, 10, 10],
  painBefore: 3,
  painAfter: 2,
  stoppedEarly: 'none',
};

test('every kind with a key is sent with the time it was made, in a body the API takes', () => {
  const checkin = withRecordedAt('checkin', { pain: 4, stress: 3 }, MADE);
  assert.deepEqual(checkinBody.parse(checkin), { pain: 4, stress: 3, recordedAt: MADE });

  const exercise = withRecordedAt('exercise-session', session, MADE);
  assert.equal(exerciseSessionBody.parse(exercise).recordedAt, MADE);

  const breathing = withRecordedAt(
    'stress-session',
    {
      plannedMinutes: 2,
      durationSeconds: 120,
      inhaleSeconds: 4,
      exhaleSeconds: 6,
      stressBefore: 6,
      stressAfter: 3,
    },
    MADE,
  );
  assert.equal(stressSessionBody.parse(breathing).recordedAt, MADE);

  const answers = { pss4_1: 1, pss4_2: 2, pss4_3: 1, pss4_4: 0 };
  const questionnaire = withRecordedAt(
    'questionnaire',
    { body: { instrumentId: 'pss4', answers, completed: true }, id: 'abc' },
    MADE,
  );
  assert.equal(questionnaire.id, 'abc');
  assert.equal(questionnaireResponseBody.parse(questionnaire.body).recordedAt, MADE);
});

test('break events keep their own times and go as they are', () => {
  const events: StoredBreakEvent[] = [{ type: 'present', at: 1 }];
  assert.equal(withRecordedAt('break-events', events, MADE), events);
});

test('the payload the screen made is left as it was', () => {
  const body = { pain: 4, stress: 3 };
  withRecordedAt('checkin', body, MADE);
  assert.deepEqual(body, { pain: 4, stress: 3 });
});

test('a retry under the same key is the same submission, time included; a new key is made now', () => {
  const made = new FirstMade();
  const first = new Date('2026-12-06T22:50:00Z');
  const later = new Date('2026-12-06T23:10:00Z');
  assert.equal(made.of('key-1', first), first.toISOString());
  assert.equal(made.of('key-1', later), first.toISOString());
  assert.equal(made.of('key-2', later), later.toISOString());
  assert.equal(made.of(null, first), first.toISOString());
  assert.equal(made.of(null, later), later.toISOString());
});

test('a refused submission is made anew when saved again', () => {
  const made = new FirstMade();
  made.of('key-1', new Date('2026-12-06T22:50:00Z'));
  made.forget('key-1');
  assert.equal(made.of('key-1', new Date('2026-12-06T23:10:00Z')), '2026-12-06T23:10:00.000Z');
});

test('only the latest submissions are remembered', () => {
  const made = new FirstMade(2);
  const t0 = new Date('2026-12-06T08:00:00Z');
  const t1 = new Date('2026-12-06T09:00:00Z');
  for (const key of ['a', 'b', 'c']) made.of(key, t0);
  assert.equal(made.of('c', t1), t0.toISOString());
  assert.equal(made.of('a', t1), t1.toISOString(), 'the oldest was let go');
});
