/** Steps for the questionnaire, progress, stress and export journeys. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { INSTRUMENTS, type InstrumentId } from '@hipwise/core';

export async function chooseScale(page: Page, scale: string, value: number): Promise<void> {
  await page
    .getByRole('radiogroup', { name: scale })
    .getByRole('radio', { name: String(value), exact: true })
    .check();
}

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

/** Clicks a download link and returns the suggested file name and the file's text. */
export async function download(page: Page, link: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link, exact: true }).click(),
  ]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: await readFile(path, 'utf8') };
}

export async function noSidewaysScroll(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} overflows by ${overflow}px`);
}
