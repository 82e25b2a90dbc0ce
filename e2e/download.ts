/** Downloads the way a user does: by clicking the link. */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** Clicks a download link and returns the suggested file name and the file's text. */
export async function download(page: Page, link: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link, exact: true }).click(),
  ]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: await readFile(path, 'utf8') };
}
