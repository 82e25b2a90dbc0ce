/**
 * A walk through the app's forms with out-of-range and malformed answers: every error a person
 * sees says what to change in plain words, never zod's own wording ("expected", "received").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { answerScreening, fillBaseline, freshEmail, navigateTo, readWelcome, signUp } from './steps.js';

const h = fileHarness();
const DEVELOPER_WORDS = /expected|received|invalid input|too big|too small|<=|>=|NaN|undefined/i;

/** The text of the form's error summary and of every field error on the page. */
async function errorTexts(page: Page): Promise<string> {
  const summary = page.getByRole('alert').first();
  await summary.waitFor();
  const fields = await page.locator('.field-error').allTextContents();
  return [(await summary.textContent()) ?? '', ...fields].join('\n');
}

test('sign-up, baseline and break settings refuse bad answers in plain words', () =>
  inPage(h(), async ({ page, problems }) => {
    await page.goto('/signup');
    await page.getByLabel('Email').fill('not an address');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const signup = await errorTexts(page);
    assert.doesNotMatch(signup, DEVELOPER_WORDS, signup);
    assert.match(signup, /email/i);

    await signUp(page, freshEmail());
    await readWelcome(page);
    await answerScreening(page, [], 'clear');
    await page.getByRole('heading', { level: 1, name: 'Your starting point' }).waitFor();
    await page.getByLabel('How many hours do you sit on a typical workday?').fill('1e1');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const baseline = await errorTexts(page);
    assert.doesNotMatch(baseline, DEVELOPER_WORDS, baseline);

    await fillBaseline(page);
    await navigateTo(page, 'Sitting');
    const work = page.getByLabel('Minutes of work before a walking break');
    await work.fill('500');
    await page.getByLabel('Skips allowed per day').fill('2.5');
    await page.getByRole('button', { name: 'Save break settings' }).click();
    const settings = await errorTexts(page);
    assert.doesNotMatch(settings, DEVELOPER_WORDS, settings);
    assert.match(settings, /or less/);
    assert.equal(await work.inputValue(), '500', 'what was typed is kept');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
