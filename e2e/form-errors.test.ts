/**
 * A walk through every form a person can submit, each with out-of-range, malformed or missing
 * answers: each refuses with an error on screen, and nothing on screen is in developer words
 * (zod's "expected"/"received", issue codes, "undefined", a raw field path).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import {
  answerScreening,
  chooseScale,
  fillBaseline,
  freshEmail,
  logOut,
  navigateTo,
  onboardedUser,
  PASSWORD,
  readWelcome,
  signUp,
} from './steps.js';

const h = fileHarness();
const DEVELOPER_WORDS =
  /expected|received|too_big|too_small|too big|too small|invalid_type|invalid_value|invalid input|invalid_format|<=|>=|\bNaN\b|\bundefined\b|\bnull\b|\[object|\b(answers|clearance)\.\w/i;

/**
 * Waits for an error in `scope` (the form's summary or a field's error), one that says `says` if
 * given, then checks the whole page as the person sees it; returns the errors' text.
 */
async function plainErrors(page: Page, scope: Locator | Page, where: string, says?: RegExp): Promise<string> {
  const errors = scope.locator('[role="alert"], .field-error');
  await (says ? errors.filter({ hasText: says }) : errors).first().waitFor();
  const shown = (await errors.allInnerTexts()).join('\n');
  assert.ok(shown.trim().length > 0, `${where}: an error is shown`);
  const visible = await page.locator('body').innerText();
  const hit = DEVELOPER_WORDS.exec(visible);
  const around = hit ? visible.slice(Math.max(0, hit.index - 80), hit.index + 80) : '';
  assert.equal(hit, null, `${where}: developer words on screen: …${around}…\nErrors:\n${shown}`);
  return shown;
}

/** A text field whose length limit a browser may not enforce (a paste into an older browser). */
async function overfill(field: Locator, length: number): Promise<void> {
  await field.evaluate((el) => el.removeAttribute('maxlength'));
  await field.fill('x'.repeat(length));
}

test('sign-up, safety questions, baseline and break settings refuse bad answers in plain words', () =>
  inPage(h(), async ({ page, problems }) => {
    await page.goto('/signup');
    await page.getByLabel('Email').fill('not an address');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await plainErrors(page, page, 'sign-up', /email/i);

    await signUp(page, freshEmail());
    await readWelcome(page);
    await page.getByRole('heading', { level: 1, name: 'Safety questions' }).waitFor();
    await page.getByRole('button', { name: 'See my result' }).click();
    await plainErrors(page, page, 'safety questions unanswered', /answer yes or no/);
    await answerScreening(page, [], 'clear');

    await page.getByRole('heading', { level: 1, name: 'Your starting point' }).waitFor();
    await page.getByLabel('How many hours do you sit on a typical workday?').fill('1e1');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await plainErrors(page, page, 'baseline');

    await fillBaseline(page);
    await navigateTo(page, 'Sitting');
    const work = page.getByLabel('Minutes of work before a walking break');
    await work.fill('500');
    await page.getByLabel('Skips allowed per day').fill('2.5');
    await page.getByRole('button', { name: 'Save break settings' }).click();
    await plainErrors(page, page, 'break settings', /or less/);
    assert.equal(await work.inputValue(), '500', 'what was typed is kept');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('check-in, questionnaire, session, breathing and reflection refuse missing and over-long answers', () =>
  inPage(h(), async ({ page, problems }) => {
    await onboardedUser(page);

    const checkin = page.getByRole('region', { name: 'How are you today?' });
    await checkin.getByRole('button', { name: /check-in$/ }).click();
    const missing = await plainErrors(page, checkin, 'check-in with nothing chosen');
    assert.match(missing, /Pain/);
    assert.match(missing, /Stress/);
    await chooseScale(page, 'Back pain right now', 3);
    await chooseScale(page, 'Stress right now', 4);
    await overfill(checkin.getByLabel('Note (optional)'), 1001);
    await checkin.getByRole('button', { name: /check-in$/ }).click();
    await plainErrors(page, checkin, 'check-in note too long', /Note: .*1000/);
    await checkA11y(page, 'today: check-in errors');

    await page.goto('/progress/questionnaires/start_back');
    await page.getByRole('button', { name: 'Next' }).click();
    await plainErrors(page, page, 'questionnaire unanswered', /Choose an answer/);

    await page.goto('/program/session/chair');
    await page.getByRole('button', { name: 'Continue' }).click();
    await plainErrors(page, page, 'session pain before unanswered', /0 to 10/);

    await navigateTo(page, 'Stress');
    await page.getByRole('heading', { level: 1, name: 'Stress' }).waitFor();
    await page.getByLabel('Breathe in (seconds)').fill('0');
    await page.getByLabel('Breathe out (seconds)').fill('40');
    await chooseScale(page, 'Stress before you start', 6);
    await page.getByRole('button', { name: 'Start breathing' }).click();
    await plainErrors(page, page, 'breath lengths', /2 to 8\sseconds/);

    const reflection = page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Save my pick' }) });
    await reflection.getByRole('button', { name: 'Save my pick' }).click();
    await plainErrors(page, reflection, 'reflection with no rule', /rule of thumb/);
    await reflection.getByRole('radio').first().check();
    await overfill(reflection.getByLabel('How will you try it? (optional)'), 2001);
    await reflection.getByRole('button', { name: 'Save my pick' }).click();
    await plainErrors(
      page,
      page.getByRole('region').filter({ has: reflection }),
      'reflection note too long',
      /Note: .*1000/,
    );
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('password, time zone, delete account and log-in refuse wrong and malformed answers', () =>
  inPage(h(), async ({ page, problems }) => {
    const email = await onboardedUser(page);
    await navigateTo(page, 'Settings');

    const password = page.getByRole('region', { name: 'Change password' });
    await password.getByLabel('Current password').fill(PASSWORD);
    await password.getByLabel('New password').fill('short');
    await password.getByRole('button', { name: 'Change password' }).click();
    await plainErrors(page, password, 'new password too short', /10/);
    await password.getByLabel('Current password').fill('not my password at all');
    await password.getByLabel('New password').fill('a much longer new sentence');
    await password.getByRole('button', { name: 'Change password' }).click();
    await plainErrors(page, password, 'wrong current password', /is not your current password/);

    // A zone this browser offers that the app does not know (the lists can differ).
    const zone = page.getByLabel('Your time zone');
    await zone.evaluate((select) => {
      const option = document.createElement('option');
      option.value = option.textContent = 'Mars/Olympus_Mons';
      select.append(option);
    });
    await zone.selectOption('Mars/Olympus_Mons');
    const tz = page.getByRole('region', { name: 'Time zone' });
    await tz.getByRole('button', { name: 'Save time zone' }).click();
    await plainErrors(page, tz, 'unknown time zone', /Time zone/);

    const remove = page.getByRole('region', { name: 'Delete my account' });
    await remove.getByLabel('Your password').fill('not my password at all');
    await remove.getByRole('button', { name: 'Delete my account…' }).click();
    await remove.getByRole('button', { name: 'Yes, delete everything' }).click();
    await plainErrors(page, remove, 'delete with a wrong password', /is not your password/);
    await checkA11y(page, 'settings: form errors');

    await logOut(page);
    await page.goto('/login');
    await page.getByLabel('Email').fill('');
    await page.getByRole('button', { name: 'Log in' }).click();
    await plainErrors(page, page, 'log-in with nothing typed');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('not my password at all');
    await page.getByRole('button', { name: 'Log in' }).click();
    await plainErrors(page, page, 'log-in with a wrong password', /email or password is not right/);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('a clinician’s clearance refuses a date in the future or no date', () =>
  inPage(h(), async ({ page, problems }) => {
    await onboardedUser(page, ['cancer_history'], 'see_clinician');
    const form = page.getByRole('form', { name: 'A clinician has cleared me to exercise' });
    const date = form.getByLabel('Date you were cleared');
    await date.fill('2099-01-01');
    await form.getByRole('button', { name: 'Record my clearance' }).click();
    await plainErrors(page, form, 'clearance in the future', /after today/);
    await date.fill('');
    await overfill(form.getByLabel('Note (optional)'), 2001);
    await form.getByRole('button', { name: 'Record my clearance' }).click();
    const shown = await plainErrors(page, form, 'clearance with no date and a long note', /Note/);
    assert.match(
      shown,
      /Date you were cleared: (?!cannot be after today)/,
      'the missing date, not the old error',
    );
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
