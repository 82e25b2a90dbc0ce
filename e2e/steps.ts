/** User steps shared by the journeys, written with accessible locators only. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { OUTCOME_ADVICE, RED_FLAG_QUESTIONS, type RedFlagId, type ScreeningOutcome } from '@hipwise/core';
import { checkA11y } from './axe.js';

export const PASSWORD = 'correct horse battery';

export function freshEmail(): string {
  return `e2e-${randomUUID()}@example.com`;
}

async function onPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path);
}

/** The two account forms: where each is, its heading and its button. */
const ACCOUNT_FORMS = {
  'sign up': { path: '/signup', heading: 'Create your account', submit: 'Create account' },
  'log in': { path: '/login', heading: 'Log in', submit: 'Log in' },
} as const;

/** Opens the sign-up or log-in form, checks it with axe, and submits an email and password. */
export async function submitAccountForm(
  page: Page,
  form: keyof typeof ACCOUNT_FORMS,
  email: string,
  password: string,
): Promise<void> {
  const { path, heading, submit } = ACCOUNT_FORMS[form];
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await checkA11y(page, form);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: submit }).click();
}

export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  await submitAccountForm(page, 'sign up', email, password);
  await onPath(page, '/welcome');
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await submitAccountForm(page, 'log in', email, password);
}

export async function logOut(page: Page): Promise<void> {
  await openMenu(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log out' }).click();
  await onPath(page, '/login');
}

export async function readWelcome(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Welcome to hipwise' }).waitFor();
  assert.equal(await page.getByRole('img', { name: 'The psoas muscle' }).count(), 1);
  await checkA11y(page, 'welcome');
  await page.getByRole('link', { name: 'Continue' }).click();
  await onPath(page, '/screening');
}

/** Answers every red-flag question (yes to `yes`, no to the rest) and checks the outcome shown. */
export async function answerScreening(
  page: Page,
  yes: readonly RedFlagId[],
  expected: ScreeningOutcome,
): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Safety questions' }).waitFor();
  await checkA11y(page, 'safety questions');
  for (const q of RED_FLAG_QUESTIONS) {
    const group = page.getByRole('radiogroup', { name: q.text });
    await group.getByRole('radio', { name: yes.includes(q.id) ? 'Yes' : 'No', exact: true }).check();
  }
  await page.getByRole('button', { name: 'See my result' }).click();
  const advice = OUTCOME_ADVICE[expected];
  await page.getByRole('heading', { level: 1, name: advice.title }).waitFor();
  assert.ok(await page.getByText(advice.whatToDo).isVisible(), 'the advice is shown');
  for (const q of RED_FLAG_QUESTIONS.filter((x) => yes.includes(x.id))) {
    assert.ok(await page.getByRole('listitem').filter({ hasText: q.text }).isVisible(), `flagged: ${q.id}`);
  }
  await checkA11y(page, `screening result: ${expected}`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await onPath(page, '/baseline');
}

/** Picks `value` on the 0-10 scale named `scale`. */
export async function chooseScale(page: Page, scale: string, value: number): Promise<void> {
  await page
    .getByRole('radiogroup', { name: scale })
    .getByRole('radio', { name: String(value), exact: true })
    .check();
}

export async function fillBaseline(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Your starting point' }).waitFor();
  await checkA11y(page, 'baseline');
  await chooseScale(page, 'How bad is your back pain right now?', 5);
  await chooseScale(page, 'What number best describes your pain on average in the past week?', 6);
  await chooseScale(
    page,
    'What number best describes how, during the past week, pain has interfered with your enjoyment of life?',
    4,
  );
  await chooseScale(
    page,
    'What number best describes how, during the past week, pain has interfered with your general activity?',
    3,
  );
  await page.getByLabel('How many hours do you sit on a typical workday?').fill('7.5');
  await chooseScale(page, 'How stressed do you feel right now?', 5);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await onPath(page, '/today');
}

/**
 * A new user through sign-up, the welcome, the screening (clear unless `yes` names flags, with the
 * outcome they must get) and the baseline; returns the email.
 */
export async function onboardedUser(
  page: Page,
  yes: readonly RedFlagId[] = [],
  outcome: ScreeningOutcome = 'clear',
): Promise<string> {
  const email = freshEmail();
  await signUp(page, email);
  await readWelcome(page);
  await answerScreening(page, yes, outcome);
  await fillBaseline(page);
  return email;
}

export async function checkIn(page: Page, pain: number, stress: number, note?: string): Promise<void> {
  await chooseScale(page, 'Back pain right now', pain);
  await chooseScale(page, 'Stress right now', stress);
  if (note !== undefined) await page.getByLabel('Note (optional)').fill(note);
  await page.getByRole('button', { name: /today's check-in$/ }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Today's check-in is (saved|updated)/ })
    .waitFor();
  await checkA11y(page, 'today: checked in');
}

export async function checkedValue(page: Page, scale: string): Promise<number | undefined> {
  const radios = page.getByRole('radiogroup', { name: scale }).getByRole('radio');
  for (let n = 0; n <= 10; n++) {
    if (await radios.nth(n).isChecked()) return n;
  }
  return undefined;
}

/** Settings -> Sitting -> "Remind me to take breaks" off, through the API the page itself uses. */
export async function turnOffBreakReminders(page: Page): Promise<void> {
  const res = await page.request.put('/api/break-settings', { data: { enabled: false } });
  assert.equal(res.status(), 200, await res.text());
  await page.reload();
}

export interface ApiTraffic {
  /** Resolves once no API call has been in flight for `ms`: background loads have settled. */
  quiet(ms?: number): Promise<void>;
}

/** Counts the page's API calls from now on, so a step can wait for background loads to finish. */
export function trackApi(page: Page): ApiTraffic {
  const inFlight = new Set<unknown>();
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (r) => {
    if (isApi(r.url())) inFlight.add(r);
  });
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  return {
    async quiet(ms = 500) {
      let quietSince = Date.now();
      for (;;) {
        if (inFlight.size > 0) quietSince = Date.now();
        else if (Date.now() - quietSince >= ms) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

/** On a phone the main menu is folded behind a Menu button; open it if so. */
async function openMenu(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  if (await menu.isVisible()) await menu.click();
}

/** Goes to a page through the main menu, as a user would, on any screen size. */
export async function navigateTo(page: Page, name: string): Promise<void> {
  await openMenu(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}
