import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OUTCOME_ADVICE, RED_FLAG_QUESTIONS, type RedFlagId, type ScreeningOutcome } from '@hipwise/core';
import { startHarness, type Harness } from './harness.js';
import { answerScreening, fillBaseline, freshEmail, readWelcome, signUp } from './steps.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const cases: Array<{ outcome: ScreeningOutcome; yes: RedFlagId[] }> = [
  { outcome: 'see_clinician', yes: ['trauma'] },
  { outcome: 'emergency', yes: ['saddle_numbness'] },
];

for (const { outcome, yes } of cases) {
  test(`${outcome}: the outcome is shown, and stays on Today`, async () => {
    const { context, page, problems } = await h.openPage();
    try {
      await signUp(page, freshEmail());
      await readWelcome(page);
      await answerScreening(page, yes, outcome);
      await fillBaseline(page);

      const advice = OUTCOME_ADVICE[outcome];
      // An emergency is announced at once (role=alert); other outcomes are a labelled region.
      const role = outcome === 'emergency' ? 'alert' : 'region';
      const banner = page.getByRole(role, { name: advice.title });
      await banner.waitFor();
      const text = (await banner.textContent()) ?? '';
      assert.ok(text.includes(advice.whatToDo), 'what to do is on Today');
      for (const q of RED_FLAG_QUESTIONS.filter((x) => yes.includes(x.id))) assert.ok(text.includes(q.text));
      assert.ok(await banner.getByRole('link', { name: 'Answer the safety questions again' }).isVisible());
      if (outcome === 'emergency') assert.match((await banner.getAttribute('class')) ?? '', /outcome-danger/);

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
      assert.equal(await page.getByRole(role, { name: advice.title }).count(), 0);

      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await context.close();
    }
  });
}
