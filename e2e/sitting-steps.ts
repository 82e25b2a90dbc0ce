/** Steps of the sitting-coach journeys, with accessible locators only. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Harness } from './harness.js';
import { answerScreening, fillBaseline, freshEmail, navigateTo, PASSWORD, readWelcome } from './steps.js';

const MIN = 60_000;

/**
 * Where to start the browser's fake clock: an hour before now, so the simulated minutes fall on
 * today's date in the user's zone and before the server's (real) now. Just after midnight, now.
 */
export function clockStart(timeZone = 'Europe/London'): number {
  const now = Date.now();
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now),
  );
  return hour >= 2 ? now - 60 * MIN : now;
}

/**
 * A new, onboarded user whose browser runs on a fake clock from `clockStart`. The server takes no
 * break event from before an account was made, and the fake hour lies before the real sign-up: so
 * the account is made through the API before the app opens (and so before the coach records
 * anything) and dated a day back, as if made yesterday. Welcome, screening and baseline are the app's.
 */
export async function onboardedOnFakeClock(h: Harness, page: Page): Promise<void> {
  const email = freshEmail();
  const signup = await page.request.post('/api/auth/signup', {
    data: { email, password: PASSWORD, timeZone: 'Europe/London' },
    headers: { 'Content-Type': 'application/json' },
  });
  assert.equal(signup.status(), 201, await signup.text());
  await h.db.query("UPDATE users SET created_at = created_at - interval '1 day' WHERE email = $1", [email]);
  await page.clock.install({ time: clockStart() });
  await page.goto('/welcome');
  await readWelcome(page);
  await answerScreening(page, [], 'clear');
  await fillBaseline(page);
}

/**
 * A new user on the browser's fake clock (`onboardedOnFakeClock`) who opens Sitting from the menu
 * and saves short intervals, so a break fires within minutes of fake time.
 */
export async function newUserWithQuickBreaks(h: Harness, page: Page): Promise<void> {
  await onboardedOnFakeClock(h, page);
  await navigateTo(page, 'Sitting');
  await page.getByRole('heading', { level: 1, name: 'Sitting and breaks' }).waitFor();
  await saveQuickBreaks(page, 5, 1);
}

/** Saves short intervals on /sitting so a break fires within minutes of fake time. */
export async function saveQuickBreaks(page: Page, workMinutes = 5, breakMinutes = 1): Promise<void> {
  await page.getByLabel('Minutes of work before a walking break').fill(String(workMinutes));
  await page.getByLabel('Walking break length (minutes)').fill(String(breakMinutes));
  await page.getByRole('button', { name: 'Save break settings' }).click();
  await page.getByRole('status').filter({ hasText: 'Break settings saved' }).waitFor();
}

/** The user keeps working: input every 20 s of fake time, until `done` or `minutes` pass. */
export async function work(page: Page, minutes: number, done?: () => Promise<boolean>): Promise<void> {
  for (let s = 0; s < minutes * 60; s += 20) {
    if (done && (await done())) return;
    await page.mouse.move(100 + (s % 200), 300);
    await page.keyboard.press('Shift');
    await page.clock.runFor(20_000);
  }
  if (done) assert.ok(await done(), `still waiting after ${minutes} min of work`);
}

export const breakDialog = (page: Page) => page.getByRole('dialog', { name: 'Time for a walking break' });

/** A summary value on the Sitting page or the Today card, e.g. "Postponed" -> "1". */
export async function todayValue(page: Page, term: string): Promise<string> {
  const item = page
    .getByTestId('sitting-today')
    .locator('div')
    .filter({ has: page.getByText(term, { exact: true }) });
  return ((await item.locator('dd').textContent()) ?? '').trim();
}

/** Waits until a summary value matches: statistics refresh once new events reach the server. */
export async function waitForTodayValue(page: Page, term: string, expected: RegExp): Promise<void> {
  await page
    .getByTestId('sitting-today')
    .locator('div')
    .filter({ has: page.getByText(term, { exact: true }) })
    .locator('dd')
    .filter({ hasText: expected })
    .waitFor({ timeout: 15_000 });
}
