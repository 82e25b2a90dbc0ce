import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { chooseScale, navigateTo, onboardedUser } from './steps.js';

const h = fileHarness();
const PHONE = { viewport: { width: 390, height: 844 } };

/** Whether the pacer is wholly on screen, and whether focus is inside the running practice. */
async function pacerState(page: Page): Promise<{ inView: boolean; focused: boolean; covers: boolean }> {
  return page.evaluate(() => {
    const practice = document.querySelector('[aria-label="Breathing pacer"]');
    const pacer = document.querySelector('[data-testid="pacer"]');
    if (!practice || !pacer) return { inView: false, focused: false, covers: false };
    const p = pacer.getBoundingClientRect();
    const whole = practice.getBoundingClientRect();
    return {
      inView: p.top >= 0 && p.left >= 0 && p.bottom <= window.innerHeight && p.right <= window.innerWidth,
      focused: practice.contains(document.activeElement),
      covers: whole.top <= 0 && whole.bottom >= window.innerHeight && whole.width >= window.innerWidth,
    };
  });
}

async function startBreathing(page: Page): Promise<void> {
  await onboardedUser(page);
  await navigateTo(page, 'Stress');
  await page.getByRole('heading', { level: 1, name: 'Stress' }).waitFor();
  await chooseScale(page, 'Stress before you start', 6);
  await page.getByRole('button', { name: 'Start breathing' }).click();
  await page.getByTestId('pacer').waitFor();
}

test('starting breathing brings the pacer into view with focus inside it; Escape stops', () =>
  inPage(h(), async ({ page, problems }) => {
    await startBreathing(page);
    const state = await pacerState(page);
    assert.ok(state.inView, 'the pacer is on screen');
    assert.ok(state.focused, 'focus is inside the pacer');
    await checkA11y(page, 'breathing: running');
    await page.keyboard.press('Escape');
    await page.getByRole('radiogroup', { name: 'Stress now' }).waitFor();
    assert.deepEqual(problems, []);
  }));

test('on a phone the running pacer fills the screen, in view and focused', () =>
  inPage(h(), PHONE, async ({ page, problems }) => {
    await startBreathing(page);
    const state = await pacerState(page);
    assert.deepEqual(state, { inView: true, focused: true, covers: true });
    assert.ok(await page.getByRole('button', { name: 'Stop now' }).isVisible());
    await checkA11y(page, 'breathing: running on a phone');
    assert.deepEqual(problems, []);
  }));

test('breath lengths out of range are refused with the range, and kept as typed', () =>
  inPage(h(), async ({ page, problems }) => {
    await onboardedUser(page);
    await navigateTo(page, 'Stress');
    await page.getByRole('heading', { level: 1, name: 'Stress' }).waitFor();
    const breatheIn = page.getByLabel('Breathe in (seconds)');
    const breatheOut = page.getByLabel('Breathe out (seconds)');
    await breatheIn.fill('0');
    await breatheOut.fill('40');
    await chooseScale(page, 'Stress before you start', 6);
    await page.getByRole('button', { name: 'Start breathing' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    assert.match(text, /Breathe in: choose 2 to 8\sseconds, in half seconds/);
    assert.match(text, /Breathe out: choose 2 to 10\sseconds, in half seconds/);
    assert.equal(await breatheIn.inputValue(), '0', 'not rewritten');
    assert.equal(await breatheOut.inputValue(), '40', 'not rewritten');
    assert.equal(await page.getByTestId('pacer').count(), 0, 'not started');
    await checkA11y(page, 'breathing: refused lengths');
    assert.deepEqual(problems, []);
  }));
