import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { plainError } from './plain-errors.js';
import { breakSettingsSchema } from './breaks.js';
import { baselineBody } from './baseline.js';
import { changePasswordBody, deleteAccountBody, loginBody, settingsBody, signupBody } from './auth.js';
import { checkinBody } from './checkin.js';
import { clearanceBody } from './clearance.js';
import { questionnaireResponseBody } from './questionnaires.js';
import { screeningBody } from './screening.js';
import { reflectionBody, stressSessionBody } from './stress.js';

/** zod's own wording, which a person should never see. */
const DEVELOPER_WORDS =
  /expected|received|invalid input|too big|too small|too_big|too_small|invalid_type|<=|>=|NaN|undefined|null/i;

const messages = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value, { error: plainError });
  assert.ok(!result.success, JSON.stringify(value));
  return result.error.issues.map((i) => i.message);
};

test('each kind of failed check gets words a person can act on', () => {
  assert.deepEqual(messages(z.number().max(120), 500), ['must be 120 or less']);
  assert.deepEqual(messages(z.number().min(5), 1), ['must be 5 or more']);
  assert.deepEqual(messages(z.number().lt(3), 3), ['must be less than 3']);
  assert.deepEqual(messages(z.int(), 2.5), ['enter a whole number']);
  assert.deepEqual(messages(z.number(), Number.NaN), ['enter a number']);
  assert.deepEqual(messages(z.number(), 'seven'), ['enter a number']);
  assert.deepEqual(messages(z.string().max(3), 'long'), ['use at most 3\u00a0characters']);
  assert.deepEqual(messages(z.string().min(1), ''), ['must not be empty']);
  assert.deepEqual(messages(z.strictObject({ a: z.number() }), {}), ['is missing']);
  assert.deepEqual(messages(z.enum(['sit', 'stand']), 'lie'), ['choose one of: sit, stand']);
  assert.deepEqual(messages(z.number().multipleOf(5), 7), ['use steps of 5']);
  assert.deepEqual(messages(z.email(), 'nobody'), ['enter an email address, such as name@example.org']);
  assert.deepEqual(messages(z.boolean(), 'yes'), ['answer yes or no']);
  assert.deepEqual(messages(z.string().regex(/^\d+$/), 'x'), ['is not in the right form']);
  assert.deepEqual(messages(z.uuid(), 'x'), ['is not in the right form']);
});

test('no form of the app shows zod’s own wording for out-of-range or malformed input', () => {
  const cases: [z.ZodType, unknown][] = [
    [breakSettingsSchema, { workMinutes: 500, breakMinutes: 0, skipsPerDay: -1, postponesPerBreak: 2.5 }],
    [breakSettingsSchema, { workMinutes: Number.NaN, micro: { everyMinutes: 1000, seconds: 'x' } }],
    [baselineBody, { painNow: 11, painWeekAverage: -1, peg: {}, sittingHoursPerWorkday: Number.NaN }],
    [signupBody, { email: 'x', password: 'short', timeZone: 'Nowhere/Atlantis' }],
    [loginBody, { email: '', password: '' }],
    [changePasswordBody, { currentPassword: 7, newPassword: 'short' }],
    [deleteAccountBody, { password: 7 }],
    [settingsBody, { timeZone: 'Mars/Olympus_Mons' }],
    [checkinBody, { pain: 11, stress: -1, note: 'x'.repeat(1001) }],
    [checkinBody, { pain: 2.5, stress: null }],
    [clearanceBody, { clearedOn: '7 March', note: 'x'.repeat(501) }],
    [questionnaireResponseBody, { instrument: 'rmdq', answers: { x: 'maybe' } }],
    [screeningBody, { answers: { cancer_history: 'perhaps' } }],
    [stressSessionBody, { inhaleSeconds: 0, exhaleSeconds: 40, minutes: 'ten' }],
    [reflectionBody, { ruleId: 'none', note: 'x'.repeat(1001) }],
  ];
  for (const [schema, value] of cases) {
    for (const message of messages(schema, value)) {
      assert.doesNotMatch(message, DEVELOPER_WORDS, message);
    }
  }
});

test('a schema’s own message wins over the plain one', () => {
  assert.deepEqual(messages(z.number().max(24, 'must be 0 to 24 hours'), 30), ['must be 0 to 24 hours']);
});
