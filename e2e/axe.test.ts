/** The accessibility check itself: a page with a known fault fails with a readable list. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';

const h = fileHarness();

test('axe fails a screen with an unlabelled field and an image without text, naming rule and element', () =>
  inPage(h(), async ({ page, problems }) => {
    await page.goto('/signup');
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    // Made through the DOM: the page's CSP would refuse an inline script.
    await page.evaluate(() => {
      const main = document.querySelector('main') ?? document.body;
      const input = document.createElement('input');
      input.id = 'unlabelled-field';
      const img = document.createElement('img');
      img.id = 'image-without-text';
      img.src = '/favicon.ico';
      main.append(input, img);
    });
    await assert.rejects(checkA11y(page, 'sign up with planted faults'), (err: Error) => {
      assert.match(
        err.message,
        /^axe: 2 accessibility violation\(s\) on "sign up with planted faults @1280px":/,
      );
      assert.match(
        err.message,
        /- image-alt \(critical\): Images must have alternative text\n {4}on #image-without-text\n/,
      );
      assert.match(
        err.message,
        /- label \(critical\): Form elements must have labels\n {4}on #unlabelled-field\n/,
      );
      assert.match(err.message, /https:\/\/dequeuniversity\.com\/rules\/axe\//);
      return true;
    });
    assert.deepEqual(
      problems.filter((p) => !p.includes('favicon.ico')),
      [],
      'no console errors or CSP violations',
    );
  }));
