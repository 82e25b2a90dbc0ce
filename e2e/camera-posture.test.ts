/**
 * The posture check with Chromium's fake camera playing a real side-view photo: joints drawn,
 * the posture named with its sitting rule, and a nudge after five bad samples in a row.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { harnessWithCamera, MODEL_TIMEOUT, PHOTOS, seenJoints } from './camera-fixtures.js';
import type { Harness } from './harness.js';
import { inPage, PHONE } from './in-page.js';
import { assertNoSidewaysScroll } from './layout.js';
import { onboardedUser } from './steps.js';

async function openPostureCheck(page: Page): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/today');
  await page.goto('/camera/posture');
  await page.getByRole('heading', { level: 1, name: 'Posture check' }).waitFor();
  assert.ok(await page.getByText(/Frames never leave this browser/).isVisible(), 'privacy stated');
  await page.getByRole('button', { name: 'Turn camera on' }).click();
}

/**
 * Pauses the page's clock 50 ms after its now; on a busy machine that moment can pass before
 * the pause arrives, and the pause is tried again from the new now.
 */
async function pauseSoon(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 50);
      return;
    } catch (err) {
      if (attempt >= 5 || !/to the past/.test(String(err))) throw err;
    }
  }
}

/** Pixels the skeleton overlay has drawn (non-transparent), read from the canvas itself. */
async function overlayInk(page: Page): Promise<number> {
  return page.locator('canvas.camera-overlay').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (ctx === null || c.width === 0) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

describeCamera('upright', (getHarness) => {
  test('upright photo: joints drawn, posture upright, page fits a phone', () =>
    inPage(getHarness(), PHONE, async ({ page, problems }) => {
      await onboardedUser(page);
      await openPostureCheck(page);
      await page.getByText('Posture: Upright').waitFor({ timeout: MODEL_TIMEOUT });
      await checkA11y(page, 'posture check: camera on');
      const seen = await seenJoints(page);
      assert.ok(seen >= 12 && seen <= 17, `sees ${seen} joints`);
      assert.ok((await overlayInk(page)) > 200, 'the skeleton is drawn over the video');
      assert.ok(await page.getByText('Good: you are sitting upright over your hips.').isVisible());
      assert.equal(await page.getByText(/Time to sit up/).count(), 0, 'no nudge for upright sitting');

      // Calibrating to this posture keeps it upright.
      await page.getByRole('button', { name: 'Sit upright and calibrate' }).click();
      await page.getByRole('status').filter({ hasText: 'Calibrated to your upright posture.' }).waitFor();
      await page.getByText('Posture: Upright').waitFor();

      await assertNoSidewaysScroll(page, 'posture check');
      await checkA11y(page, 'posture check: calibrated');
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    }));
});

describeCamera('slouching', (getHarness) => {
  test('slouching photo: posture named with rule 6, a nudge after 5 samples in a row', () =>
    inPage(getHarness(), async ({ page, problems }) => {
      // The sampler runs on timers: a fake clock lets the test step through samples one by one.
      // Installed before the app loads: swapped in under a running app it can read as 1970 for a
      // moment, which the break coach takes as decades of work.
      await page.clock.install();
      await onboardedUser(page);
      await openPostureCheck(page);
      await page.getByText('Posture: Slouching or reaching forward').waitFor({ timeout: MODEL_TIMEOUT });
      await pauseSoon(page);
      assert.ok(
        await page
          .getByText('Rule 6: Do not reach forward from the back of the chair.', { exact: false })
          .isVisible(),
      );
      assert.ok((await seenJoints(page)) >= 12);
      assert.ok((await overlayInk(page)) > 200, 'the skeleton is drawn');

      // Step the clock a second at a time; after each sample, read the page in one go: the nudge
      // is shown exactly from the fifth slouching sample on (the photo never changes).
      const nudge = page.getByRole('status').filter({ hasText: /Time to sit up/ });
      const snapshot = () =>
        page.evaluate(() => {
          const text = document.querySelector('main')?.innerText ?? '';
          return {
            checks: Number(/Checks so far: (\d+)/.exec(text)?.[1] ?? 0),
            nudge: text.includes('Time to sit up'),
          };
        });
      const seenCounts: number[] = [];
      for (let step = 0; step < 12; step++) {
        const s = await snapshot();
        seenCounts.push(s.checks);
        assert.equal(
          s.nudge,
          s.checks >= 5,
          `after ${s.checks} slouching samples the nudge is ${s.nudge ? '' : 'not '}shown`,
        );
        if (s.nudge) break;
        if (s.checks === 4) assert.ok(await page.getByText('Not upright for 4 checks in a row').isVisible());
        await page.clock.runFor(1000);
        await page.getByText(new RegExp(`Checks so far: (${s.checks + 1}|${s.checks + 2}),`)).waitFor();
      }
      assert.ok(
        seenCounts.some((n) => n < 5),
        `saw the run before the nudge: ${seenCounts.join(', ')}`,
      );
      await nudge.waitFor();
      assert.ok(await nudge.getByText('Sit tall over your hips instead of reaching forward.').isVisible());
      await page.getByText(/Reminder given/).waitFor();

      // Cooldown: more bad samples bring no second nudge; dismissing clears the first.
      await nudge.getByRole('button', { name: 'Dismiss' }).click();
      const checksBefore = (await snapshot()).checks;
      for (let i = 1; i <= 6; i++) {
        await page.clock.runFor(1000);
        await page
          .getByText(new RegExp(`Checks so far: (${checksBefore + i}|${checksBefore + i + 1}),`))
          .waitFor();
      }
      assert.equal(await nudge.count(), 0, 'no second nudge within the cooldown');
      assert.ok(await page.getByText(/Reminder given/).isVisible());

      await page.getByRole('button', { name: 'Turn camera off' }).click();
      await page.getByRole('status').filter({ hasText: 'Camera off' }).waitFor();
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    }));
});

/** One fake camera (photo) and one harness per block: Chromium reads the camera file at launch. */
function describeCamera(photo: keyof typeof PHOTOS, body: (h: () => Harness) => void): void {
  void describe(`fake camera: ${photo} photo`, () => body(harnessWithCamera(PHOTOS[photo])));
}
