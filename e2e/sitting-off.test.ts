import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { breakDialog, newUserWithQuickBreaks, work } from './sitting-steps.js';

const h = fileHarness();

test('break reminders can be switched off and on again', () =>
  inPage(h(), async ({ page, problems }) => {
    await newUserWithQuickBreaks(h(), page);

    await page.getByLabel('Remind me to take breaks').uncheck();
    await page.getByRole('button', { name: 'Save break settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Break reminders are off' }).waitFor();
    await checkA11y(page, 'sitting: reminders off');
    await work(page, 8);
    assert.equal(await breakDialog(page).isVisible(), false, 'no break while reminders are off');
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Break reminders are off' }).waitFor();

    await page.getByLabel('Remind me to take breaks').check();
    await page.getByRole('button', { name: 'Save break settings' }).click();
    await work(page, 8, () => breakDialog(page).isVisible());
    assert.deepEqual(problems, []);
  }));
