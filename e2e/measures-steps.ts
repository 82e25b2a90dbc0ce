/** Steps for the questionnaire, progress, stress and export journeys. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { INSTRUMENTS, type InstrumentId } from '@hipwise/core';

/**
 * Answers questions of an open questionnaire from where it stands, one per screen, with
 * `answer(itemId)` giving the option's label; stops after `count` questions or at the result.
 */
export async function answerQuestions(
  page: Page,
  instrumentId: InstrumentId,
  answer: (itemId: string) => string,
  count = Infinity,
): Promise<void> {
  const items = INSTRUMENTS[instrumentId].items;
  for (let n = 0; n < count; n++) {
    const label = await page.getByText(/^Question \d+ of \d+$/).textContent();
    const index = Number(/Question (\d+)/.exec(label ?? '')?.[1]) - 1;
    const item = items[index];
    assert.ok(item, `question ${index + 1} exists`);
    await page
      .getByRole('group', { name: item.text })
      .getByRole('radio', { name: answer(item.id), exact: true })
      .check();
    const last = index === items.length - 1;
    await page.getByRole('button', { name: last ? 'Finish and see my result' : 'Next' }).click();
    if (last) {
      await page.getByRole('heading', { name: 'Your result' }).waitFor();
      return;
    }
    await page.getByText(`Question ${index + 2} of ${items.length}`, { exact: true }).waitFor();
  }
}
