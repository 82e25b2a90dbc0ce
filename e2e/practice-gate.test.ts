/**
 * The camera practice page obeys the same locks as a session: a user the screening sends to a
 * clinician cannot start holds there, and a new user (chair level 1, floor locked) practises only
 * the chair version at their current 10 s hold.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FLOOR_UNLOCK_RULE } from '@hipwise/core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { onboardedUser } from './steps.js';

const h = fileHarness();

test('practice: a user told to see a clinician sees why and cannot start a hold', () =>
  inPage(h(), async ({ page, problems }) => {
    await onboardedUser(page, ['cancer_history'], 'see_clinician');

    // Programme does not offer practice while the exercise is locked.
    await page.goto('/program');
    await page.getByRole('heading', { level: 1, name: 'Your programme' }).waitFor();
    await page.getByRole('heading', { name: 'Your exercise' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'practise the boat pose with the camera' }).count(), 0);
    await checkA11y(page, 'programme: exercise locked');

    // Going there directly shows the reason, and no way to start.
    await page.goto('/camera/practice');
    await page.getByRole('heading', { level: 1, name: 'Practise with the camera' }).waitFor();
    await page.getByText('Practice follows the same safety rules as your sessions').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Start a/ }).count(), 0);
    assert.equal(await page.getByRole('radio').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Use camera to check my form' }).count(), 0);
    assert.ok(await page.getByRole('link', { name: 'Back to your programme' }).isVisible());
    await checkA11y(page, 'practice: locked');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('practice: at chair level 1 only the chair is offered, for the current 10 s hold', () =>
  inPage(h(), async ({ page, problems }) => {
    await onboardedUser(page);
    await page.goto('/program');
    await page.getByRole('link', { name: 'practise the boat pose with the camera' }).click();
    await page.getByRole('heading', { level: 1, name: 'Practise with the camera' }).waitFor();
    const chair = page.getByRole('radio', { name: 'Boat pose on a chair' });
    await chair.waitFor();
    assert.ok(await chair.isChecked());
    assert.equal(await page.getByRole('radio', { name: 'Boat pose on the floor' }).count(), 0);
    assert.ok(await page.getByText(FLOOR_UNLOCK_RULE).isVisible(), 'says when the floor opens');
    assert.ok(await page.getByRole('button', { name: 'Start a 10 s hold' }).isVisible());
    assert.equal(await page.getByRole('button', { name: /^Start a (?!10\ss)/ }).count(), 0);
    await checkA11y(page, 'practice');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
