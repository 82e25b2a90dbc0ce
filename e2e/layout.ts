/** Layout checks shared by the journeys. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** No sideways scrolling at the current viewport; `name` says which screen in the failure. */
export async function assertNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} overflows ${page.viewportSize()?.width ?? '?'}px by ${overflow}px`);
}
