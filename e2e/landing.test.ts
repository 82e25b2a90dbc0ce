import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { freshEmail, logOut, signUp } from './steps.js';

const h = fileHarness();

/** Boxes of the drawing's labels and bones, in page pixels. */
async function drawingOverlaps(page: Page): Promise<string[]> {
  return page.locator('svg.psoas').evaluate((svg) => {
    // No named helpers in here: the test runner's transform would wrap them in a function the page lacks.
    const bones = [...svg.querySelectorAll('.bone rect, .bone circle')].map((el) =>
      el.getBoundingClientRect(),
    );
    const overlaps: string[] = [];
    for (const label of svg.querySelectorAll('.labels text')) {
      const l = label.getBoundingClientRect();
      for (const b of bones) {
        if (l.left < b.right && b.left < l.right && l.top < b.bottom && b.top < l.bottom) {
          overlaps.push(label.textContent ?? '');
        }
      }
    }
    return overlaps;
  });
}

test('a first visit to a fresh server: the landing page, sign-up as the way in, then log-in beside it', () =>
  inPage(h(), async ({ page, problems }) => {
    await page.goto('/');
    await page
      .getByRole('heading', { level: 1, name: 'Ease lower back pain from sitting and stress' })
      .waitFor();
    for (const heading of ['Private by default', 'Not medical advice']) {
      assert.ok(await page.getByRole('heading', { level: 2, name: heading }).isVisible(), heading);
    }
    assert.ok(await page.getByRole('img', { name: 'The psoas muscle' }).isVisible());
    assert.deepEqual(await drawingOverlaps(page), [], 'no label of the drawing lies on a bone');
    await checkA11y(page, 'landing: first visit');
    // Nobody has an account yet: sign-up is the only way in, and pages behind log-in lead there too.
    assert.equal(await page.getByRole('link', { name: 'Log in' }).count(), 0);
    await page.goto('/today');
    await page.waitForURL('**/signup');
    await page.goto('/login');
    await page.getByText('Nobody has an account here yet').waitFor();
    await page.goto('/');
    await page.getByRole('link', { name: 'Create the first account' }).click();
    await page.waitForURL('**/signup');
    await signUp(page, freshEmail());
    await logOut(page);

    // With an account on the server, a visitor sees both ways in, and a page behind log-in asks to log in.
    await page.goto('/');
    const create = page.getByRole('link', { name: 'Create account' });
    await create.waitFor();
    assert.equal(await create.getAttribute('href'), '/signup');
    assert.equal(await page.getByRole('link', { name: 'Log in' }).getAttribute('href'), '/login');
    await page.goto('/today');
    await page.waitForURL('**/login');
    assert.equal(await page.getByText('Nobody has an account here yet').count(), 0);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('on a phone the landing page fits the width and the main action is on the first screen', () =>
  inPage(h(), { viewport: { width: 390, height: 844 } }, async ({ page, problems }) => {
    await page.goto('/');
    const create = page.getByRole('link', { name: /^Create/ });
    await create.waitFor();
    const box = await create.boundingBox();
    assert.ok(box && box.y + box.height <= 844, `the main action is at ${box?.y}px`);
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'no sideways scrolling',
    );
    assert.deepEqual(await drawingOverlaps(page), []);
    await checkA11y(page, 'landing');
    assert.deepEqual(problems, []);
  }));
