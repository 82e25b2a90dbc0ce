import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { breakDialog, clockStart, saveQuickBreaks, work } from './sitting-steps.js';
import { onboardedUser } from './steps.js';

const h = fileHarness();

test('break reminders can be switched off and on again', () =>
  inPage(h(), async ({ page, problems }) => {
    await page.clock.install({ time: clockStart() });
    await onboardedUser(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sitting' }).click();
    await saveQuickBreaks(page, 5, 1);

    await page.getByLabel('Remind me to take breaks').uncheck();
    await page.getByRole('button', { name: 'Save break settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Break reminders are off' }).waitFor();
    await work(page, 8);
    assert.equal(await breakDialog(page).isVisible(), false, 'no break while reminders are off');
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Break reminders are off' }).waitFor();

    await page.getByLabel('Remind me to take breaks').check();
    await page.getByRole('button', { name: 'Save break settings' }).click();
    await work(page, 8, () => breakDialog(page).isVisible());
    assert.deepEqual(problems, []);
  }));
