import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkA11y } from './axe.js';
import { assertNonEmpty, shotPath, TMP_DIR } from './docs-screenshots.js';
import { fileHarness } from './file-harness.js';
import { seedCheckins } from './history-steps.js';
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

const h = fileHarness();

test('Today with two weeks of check-ins (docs screenshot)', () =>
  inPage(h(), { viewport: { width: 1280, height: 900 } }, async ({ page, problems }) => {
    await onboardedUser(page);
    await seedCheckins(h(), page);
    await page.reload();
    await checkIn(page, 4, 3, 'Walked at lunch');
    await page.locator('.chart canvas').first().waitFor();
    assert.match((await page.locator('#history-summary').textContent()) ?? '', /Last 7\sdays: 6\scheck-ins/);
    await checkA11y(page, 'today: two weeks of check-ins');

    const path = shotPath('today.png');
    // The whole page, top to bottom: plan, questionnaires due, check-in, chart, sitting.
    await page.screenshot({ path, fullPage: true });
    assertNonEmpty(path);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

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
    assertNonEmpty(pacer, 5_000);
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
