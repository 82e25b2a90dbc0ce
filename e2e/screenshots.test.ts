import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage, PHONE } from './in-page.js';
import { assertNoSidewaysScroll } from './layout.js';
import {
  answerScreening,
  checkIn,
  fillBaseline,
  chooseScale,
  freshEmail,
  navigateTo,
  onboardedUser,
  readWelcome,
  signUp,
} from './steps.js';

const UPDATE_DOCS = process.env['HIPWISE_UPDATE_DOCS'] === '1';
const DOCS_DIR = resolve(fileURLToPath(new URL('../docs/screenshots', import.meta.url)));
const TMP_DIR = mkdtempSync(join(tmpdir(), 'hipwise-e2e-'));

const h = fileHarness();

// Two weeks of plausible numbers: pain drifting down, stress up and down, two days missed.
const PAST: ReadonlyArray<readonly [daysAgo: number, pain: number, stress: number]> = [
  [13, 7, 6],
  [12, 7, 7],
  [11, 6, 5],
  [10, 6, 6],
  [8, 6, 4],
  [7, 5, 5],
  [6, 5, 6],
  [5, 5, 4],
  [3, 4, 5],
  [2, 5, 3],
  [1, 4, 3],
];

/** The server writes only "today's" check-in, so move its clock back a day at a time. */
async function seedHistory(page: Page): Promise<void> {
  try {
    for (const [daysAgo, pain, stress] of PAST) {
      h().clock.setOffsetDays(-daysAgo);
      const res = await page.request.post('/api/checkins', {
        data: { pain, stress },
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      });
      assert.equal(res.status(), 201, await res.text());
    }
  } finally {
    h().clock.setOffsetDays(0);
  }
}

function assertNonEmpty(path: string): void {
  assert.ok(statSync(path).size > 10_000, `${path} is a real screenshot`);
}

test('Today with two weeks of check-ins (docs screenshot)', () =>
  inPage(h(), { viewport: { width: 1280, height: 900 } }, async ({ page, problems }) => {
    await onboardedUser(page);
    await seedHistory(page);
    await page.reload();
    await checkIn(page, 4, 3, 'Walked at lunch');
    await page.locator('.chart canvas').first().waitFor();
    assert.match((await page.locator('#history-summary').textContent()) ?? '', /Last 7\sdays: 6\scheck-ins/);
    await checkA11y(page, 'today: two weeks of check-ins');

    const dir = UPDATE_DOCS ? DOCS_DIR : TMP_DIR;
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'today.png');
    // The whole page, top to bottom: plan, questionnaires due, check-in, chart, sitting.
    await page.screenshot({ path, fullPage: true });
    assertNonEmpty(path);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

/** Where a docs screenshot goes: docs/screenshots/ when refreshing them, else a temp folder. */
function shotPath(name: string): string {
  const dir = UPDATE_DOCS ? DOCS_DIR : TMP_DIR;
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

test('the landing page, Today on day one, and the breathing pacer on a phone (docs screenshots)', async () => {
  await inPage(h(), { viewport: { width: 1280, height: 800 } }, async ({ page, problems }) => {
    await page.goto('/');
    await page
      .getByRole('heading', { level: 1, name: 'Ease lower back pain from sitting and stress' })
      .waitFor();
    const landing = shotPath('landing.png');
    await page.screenshot({ path: landing, fullPage: true });
    assertNonEmpty(landing);

    await onboardedUser(page);
    const due = page.getByRole('region', { name: 'Questionnaires for today' });
    await due.waitFor();
    assert.equal(await due.getByRole('link').count(), 1, 'one questionnaire on day one');
    const today = shotPath('today-day1.png');
    await page.screenshot({ path: today, fullPage: true });
    assertNonEmpty(today);
    assert.deepEqual(problems, []);
  });
  await inPage(h(), { viewport: { width: 390, height: 844 } }, async ({ page, problems }) => {
    await onboardedUser(page);
    await navigateTo(page, 'Stress');
    await chooseScale(page, 'Stress before you start', 6);
    await page.getByRole('button', { name: 'Start breathing' }).click();
    await page.getByTestId('pacer').waitFor();
    const pacer = shotPath('breathing-phone.png');
    await page.screenshot({ path: pacer });
    assert.ok(statSync(pacer).size > 5_000, `${pacer} is a real screenshot`);
    assert.deepEqual(problems, []);
  });
});

test('every screen fits a 360px phone without sideways scrolling', () =>
  inPage(h(), PHONE, async ({ page, problems }) => {
    console.log(`screenshots in ${TMP_DIR}`);
    const fits = async (name: string) => {
      const path = join(TMP_DIR, `phone-${name.replaceAll(' ', '-')}.png`);
      await page.screenshot({ path, fullPage: true });
      assertNonEmpty(path);
      await assertNoSidewaysScroll(page, name);
      await checkA11y(page, name);
    };
    await page.goto('/signup');
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    await fits('sign up');
    await signUp(page, freshEmail());
    await fits('welcome');
    await readWelcome(page);
    await fits('safety questions');
    await answerScreening(page, ['saddle_numbness', 'trauma'], 'emergency');
    await fits('baseline');
    await fillBaseline(page);
    await checkIn(page, 6, 4);
    await page.locator('.chart canvas').first().waitFor();
    await fits('today: emergency');
    await navigateTo(page, 'Settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await fits('settings');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
