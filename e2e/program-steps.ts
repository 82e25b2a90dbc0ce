/** Steps of the programme journeys, with accessible locators only. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { EXERCISE_SAFETY } from '@hipwise/core';
import type { Harness } from './harness.js';
import { chooseScale, onboardedUser, turnOffBreakReminders, navigateTo } from './steps.js';

const DAY_MS = 86_400_000;

/** A new user through sign-up, a clear screening and the baseline, with the browser clock faked. */
export async function newClearedUser(page: Page): Promise<void> {
  // Installed before the app loads, so every timer and performance.now() in it is ours to move.
  await page.clock.install();
  await onboardedUser(page);
  // The break coach runs on the same faked clock: jumping days and minutes ahead would open its
  // break screen over the session. It is not under test here, so this user turns reminders off.
  await turnOffBreakReminders(page);
}

/** Moves both clocks to `days` after the real today: the server's (which decides the date) and the browser's. */
export async function moveToDay(h: Harness, page: Page, days: number): Promise<void> {
  h.clock.setOffsetDays(days);
  await page.clock.setSystemTime(Date.now() + days * DAY_MS);
}

const PAIN_BEFORE = 'Back pain right now, before the exercise';
const PAIN_AFTER = 'Back pain right now, after the exercise';

/** Through the remaining steps to the start button, and press it: the countdown begins. */
export async function stepToCountdown(page: Page): Promise<void> {
  for (;;) {
    const start = page.getByRole('button', { name: /^Start: hold begins in/ });
    if (await start.isVisible()) {
      await start.click();
      break;
    }
    await page.getByRole('button', { name: 'Next step' }).click();
  }
}

/** From the session screen's first question through the steps to the start of the countdown. */
export async function startSession(page: Page, painBefore: number): Promise<void> {
  await page.getByRole('heading', { level: 2, name: 'Before you start' }).waitFor();
  await chooseScale(page, PAIN_BEFORE, painBefore);
  await page.getByRole('button', { name: 'Continue' }).click();
  await stepToCountdown(page);
  await page.getByRole('heading', { level: 2, name: /^Set 1 of \d: get into position$/ }).waitFor();
}

/**
 * A whole session at the planned level, sped up with the browser clock: the first countdown and
 * hold run tick by tick, the rest is one jump (the timers compute from timestamps, so one jump
 * lands in the right phase). Returns the summary text.
 */
export async function doSession(page: Page, painBefore: number, painAfter: number): Promise<string> {
  await startSession(page, painBefore);
  await page.clock.runFor(5_200);
  await page.getByRole('heading', { level: 2, name: /^Hold: set 1 of 3$/ }).waitFor();
  await page.clock.fastForward(100_000);
  await page.getByRole('heading', { level: 2, name: 'All holds done' }).waitFor();
  await chooseScale(page, PAIN_AFTER, painAfter);
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('status').filter({ hasText: 'Session saved.' }).waitFor();
  return (await page.locator('.session').textContent()) ?? '';
}

/** Presses the stop button and checks the safety advice; waits until the session is saved. */
export async function stopForPain(page: Page): Promise<void> {
  await page.getByRole('button', { name: EXERCISE_SAFETY.stopButton }).click();
  await page.getByRole('heading', { level: 2, name: 'You stopped: rest now' }).waitFor();
  assert.ok(await page.getByText(EXERCISE_SAFETY.afterStopForPain).isVisible(), 'the safety advice is shown');
  await page.getByRole('status').filter({ hasText: 'Session saved.' }).waitFor();
}

export async function openProgramme(page: Page): Promise<void> {
  await navigateTo(page, 'Programme');
  await page.getByRole('heading', { level: 1, name: 'Your programme' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Your exercise' }).waitFor();
}

/** The text of the Today page's plan item that mentions `hasText` ("Done: ..." or "To do: ..."). */
export async function planItemText(page: Page, hasText: string | RegExp): Promise<string> {
  const item = page
    .getByRole('region', { name: 'Today’s plan' })
    .getByRole('listitem')
    .filter({ hasText })
    .first();
  await item.waitFor();
  return ((await item.textContent()) ?? '').replace('✓', '').trim();
}
