import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OUTCOME_ADVICE, RED_FLAG_QUESTIONS, type RedFlagId, type ScreeningOutcome } from '@hipwise/core';
import type { Locator, Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { download } from './download.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { onboardedUser, navigateTo } from './steps.js';

const h = fileHarness();

const CLEARANCE_FORM = 'A clinician has cleared me to exercise';

/**
 * A new user who answers yes to `yes` and gets `outcome`: returns Today's banner for it (role
 * alert for an emergency, a region otherwise) and its text, which must carry the advice.
 */
async function userWithOutcome(
  page: Page,
  yes: readonly RedFlagId[],
  outcome: ScreeningOutcome,
): Promise<{ banner: Locator; text: string }> {
  await onboardedUser(page, yes, outcome);
  const advice = OUTCOME_ADVICE[outcome];
  const banner = page.getByRole(outcome === 'emergency' ? 'alert' : 'region', { name: advice.title });
  await banner.waitFor();
  const text = (await banner.textContent()) ?? '';
  assert.ok(text.includes(advice.whatToDo), 'the advice is on Today');
  return { banner, text };
}

test('a history of cancer: see a clinician soon; a recorded clearance unlocks the plan; the export keeps the answers and the clearance', () =>
  inPage(h(), async ({ page, problems }) => {
    const { banner, text } = await userWithOutcome(page, ['cancer_history'], 'see_clinician');
    assert.ok(text.includes('Have you ever had cancer?'));
    const plan = page.getByRole('region', { name: 'Today’s plan' });
    await plan.getByText(/The exercises are locked because of your answers/).waitFor();
    await checkA11y(page, 'today: see a clinician');

    const form = banner.getByRole('form', { name: CLEARANCE_FORM });
    await form.getByLabel('Note (optional)').fill('Oncologist: in remission, exercise is fine');
    await form.getByRole('button', { name: 'Record my clearance' }).click();
    await banner.getByText(/You recorded that a clinician cleared you to exercise on/).waitFor();
    // The outcome stays on Today with the answers; the plan is open.
    assert.ok(((await banner.textContent()) ?? '').includes('Have you ever had cancer?'));
    await plan.getByText(/Day 1 of your programme/).waitFor();
    assert.ok(await plan.getByRole('link', { name: /^Exercise: Boat pose on a chair/ }).isVisible());
    await checkA11y(page, 'today: clearance recorded');

    // Settings lists the clearance; the export has the unchanged answers and the clearance.
    await navigateTo(page, 'Settings');
    const section = page.getByRole('region', { name: 'Clinician’s clearance' });
    await section.getByText('Note: Oncologist: in remission, exercise is fine').waitFor();
    assert.ok(await section.getByText('Have you ever had cancer?', { exact: true }).isVisible());
    await checkA11y(page, 'settings: clearance');
    const exported = JSON.parse((await download(page, 'Export my data')).text) as {
      screenings: Array<{ outcome: string; answers: Record<string, boolean> }>;
      clinicianClearances: Array<{ note: string; coveredFlags: string[]; revokedAt: string | null }>;
    };
    assert.equal(exported.screenings.length, 1);
    assert.equal(exported.screenings[0]?.outcome, 'see_clinician');
    assert.deepEqual(
      Object.entries(exported.screenings[0]?.answers ?? {})
        .filter(([, yes]) => yes)
        .map(([id]) => id),
      ['cancer_history'],
    );
    assert.deepEqual(
      exported.clinicianClearances.map((c) => [c.note, c.coveredFlags, c.revokedAt]),
      [['Oncologist: in remission, exercise is fine', ['cancer_history'], null]],
    );

    // Withdrawn, it unlocks nothing: the plan is locked again.
    await section.getByRole('button', { name: 'Withdraw…' }).click();
    await section.getByRole('button', { name: 'Withdraw the clearance' }).click();
    await section.getByText(/\(withdrawn\)/).waitFor();
    await checkA11y(page, 'settings: clearance withdrawn');
    await navigateTo(page, 'Today');
    await plan.getByText(/The exercises are locked because of your answers/).waitFor();
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('fever: the same-day outcome says to be seen by a doctor today', () =>
  inPage(h(), async ({ page, problems }) => {
    const { banner, text } = await userWithOutcome(page, ['fever_unwell'], 'same_day');
    assert.match(text, /Be seen by a doctor today/);
    assert.match((await banner.getAttribute('class')) ?? '', /outcome-danger/);
    // A doctor's clearance can be recorded once they have been seen.
    assert.ok(await banner.getByRole('form', { name: CLEARANCE_FORM }).isVisible());
    await checkA11y(page, 'today: same day');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('saddle numbness: an emergency, with no clearance to record; only a new screening clears it', () =>
  inPage(h(), async ({ page, problems }) => {
    const yes: RedFlagId[] = ['saddle_numbness', 'cancer_history'];
    // An emergency is announced at once (role=alert).
    const { banner, text } = await userWithOutcome(page, yes, 'emergency');
    const advice = OUTCOME_ADVICE.emergency;
    assert.match(text, /Go to an emergency department now/);
    for (const q of RED_FLAG_QUESTIONS.filter((x) => yes.includes(x.id))) assert.ok(text.includes(q.text));
    assert.match((await banner.getAttribute('class')) ?? '', /outcome-danger/);
    assert.equal(await page.getByRole('form', { name: CLEARANCE_FORM }).count(), 0, 'no clearance offered');
    assert.equal(await page.getByRole('button', { name: 'Record my clearance' }).count(), 0);
    await checkA11y(page, 'today: emergency');

    // Still there after a reload: the outcome is never hidden behind a later screen.
    await page.reload();
    await banner.waitFor();

    // Answering again with all "No" clears it.
    await banner.getByRole('link', { name: 'Answer the safety questions again' }).click();
    await page.waitForURL((u) => u.pathname === '/screening');
    for (const q of RED_FLAG_QUESTIONS) {
      await page
        .getByRole('radiogroup', { name: q.text })
        .getByRole('radio', { name: 'No', exact: true })
        .check();
    }
    await page.getByRole('button', { name: 'See my result' }).click();
    await page.getByRole('heading', { level: 1, name: OUTCOME_ADVICE.clear.title }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((u) => u.pathname === '/today');
    await page.getByRole('heading', { level: 1, name: /Today/ }).waitFor();
    assert.equal(await page.getByRole('alert', { name: advice.title }).count(), 0);
    await page
      .getByRole('region', { name: 'Today’s plan' })
      .getByText(/Day 1 of your programme/)
      .waitFor();
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('new or changed symptoms: Today has a way to say so, which opens the safety questions', () =>
  inPage(h(), async ({ page, problems }) => {
    await onboardedUser(page);
    await page.getByRole('link', { name: 'Tell us: answer the safety questions again' }).click();
    await page.waitForURL((u) => u.pathname === '/screening');
    await page.getByText('You told us you have new or changed symptoms.').waitFor();
    await checkA11y(page, 'safety questions: new symptoms');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
