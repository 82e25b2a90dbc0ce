import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { onboardedUser } from './steps.js';

const h = fileHarness();

const PHONE = { width: 390, height: 844 };

/**
 * Pairs of visible siblings in `main` where a card meets the block before or after it with less
 * than 8 px between them (side by side in a grid is fine).
 */
async function touchingCards(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const card of document.querySelectorAll('main .card')) {
      const before = card.previousElementSibling;
      const after = card.nextElementSibling;
      for (const [upper, lower] of [
        [before, card],
        [card, after],
      ]) {
        if (!upper || !lower) continue;
        const a = upper.getBoundingClientRect();
        const b = lower.getBoundingClientRect();
        if (a.height === 0 || b.height === 0) continue;
        const stacked = b.top >= a.top + a.height / 2;
        if (stacked && b.top - a.bottom < 8) {
          // Inline, not a named helper: the test runner's transform would wrap it in a function the page lacks.
          const names = [upper, lower].map(
            (el) => el.querySelector('h2')?.textContent ?? el.tagName.toLowerCase(),
          );
          found.push(`${names.join(' / ')}: ${Math.round(b.top - a.bottom)} px`);
        }
      }
    }
    return found;
  });
}

test('a phone: a one-line header with a menu button, 44 px answer buttons, cards that do not touch', () =>
  inPage(h(), { viewport: PHONE }, async ({ page, problems }) => {
    await onboardedUser(page);
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    const header = await page.locator('header.site-header').boundingBox();
    assert.ok(header && header.height <= 80, `the header is ${header?.height} px high`);
    const menu = page.getByRole('button', { name: 'Menu' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Progress' }).isVisible(), false);
    await checkA11y(page, 'menu folded');
    await menu.click();
    assert.equal(
      await page.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded'),
      'true',
    );
    await nav.getByRole('link', { name: 'Sitting' }).click();
    await page.getByRole('heading', { level: 1, name: /Sitting/ }).waitFor();
    assert.equal(
      await nav.getByRole('link', { name: 'Progress' }).isVisible(),
      false,
      'the menu closes on arrival',
    );
    assert.deepEqual(await touchingCards(page), [], 'Sitting');

    for (const path of ['/today', '/progress']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await touchingCards(page), [], path);
    }

    await page.goto('/today');
    const scale = page.getByRole('radiogroup', { name: 'Back pain right now' });
    await scale.waitFor();
    const sizes = await scale.locator('.nrs-option span').evaluateAll((spans) =>
      spans.map((s) => {
        const r = s.getBoundingClientRect();
        return [r.width, r.height];
      }),
    );
    assert.equal(sizes.length, 11);
    for (const [w = 0, hgt = 0] of sizes)
      assert.ok(w >= 44 && hgt >= 44, `an answer button is ${w} x ${hgt} px`);
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'no sideways scrolling',
    );
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('a desktop: the menu is open with no menu button, and cards do not touch', () =>
  inPage(h(), async ({ page, problems }) => {
    await onboardedUser(page);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Menu' }).count(), 0);
    for (const path of ['/today', '/sitting', '/progress']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await touchingCards(page), [], path);
    }
    assert.deepEqual(problems, []);
  }));
