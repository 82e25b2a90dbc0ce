import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import type { Harness } from './harness.js';
import { inPage } from './in-page.js';
import { checkIn, freshEmail, navigateTo, onboardedUser, signUp } from './steps.js';

const h = fileHarness();
const UPDATE_DOCS = process.env['HIPWISE_UPDATE_DOCS'] === '1';
const DOCS_DIR = resolve(fileURLToPath(new URL('../docs/screenshots', import.meta.url)));

async function idOf(harness: Harness, email: string): Promise<string> {
  const rows = await harness.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
  assert.ok(rows[0], `no account ${email}`);
  return rows[0].id;
}

/**
 * A clinician account. The role and the consent are written into the database, as an admin's
 * invitation and the member's consent in Settings leave them; those screens have journeys of their own.
 */
async function clinician(page: Page, harness: Harness): Promise<string> {
  const email = freshEmail();
  await signUp(page, email);
  await harness.db.query(`UPDATE users SET role = 'clinician' WHERE email = $1`, [email]);
  return email;
}

async function consent(harness: Harness, memberEmail: string, clinicianEmail: string): Promise<void> {
  await harness.db.query(
    `INSERT INTO consents (member_id, clinician_id, share_notes, granted_at) VALUES ($1, $2, false, now())`,
    [await idOf(harness, memberEmail), await idOf(harness, clinicianEmail)],
  );
}

test('a clinician opens the caseload and a member, holds them at a level, and the member sees it on Today', () =>
  inPage(h(), async ({ page: memberPage, problems }) => {
    const harness = h();
    const member = await onboardedUser(memberPage);
    await checkIn(memberPage, 5, 4);

    const doc = await harness.openPage();
    try {
      const page = doc.page;
      const docEmail = await clinician(page, harness);
      await consent(harness, member, docEmail);

      await page.reload();
      await navigateTo(page, 'Caseload');
      await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      const row = page.getByTestId('caseload-row').filter({ hasText: member });
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /Chair 1 \(3 × 10 s\)/);
      await checkA11y(page, 'caseload');
      if (UPDATE_DOCS) {
        mkdirSync(DOCS_DIR, { recursive: true });
        await page.screenshot({ path: resolve(DOCS_DIR, 'caseload.png'), fullPage: true });
      }

      // Filters: nobody needs attention yet, so "anyone who needs attention" is empty.
      await page.getByLabel('Show').selectOption('any');
      await page.getByText('No member matches these filters.').waitFor();
      await page.getByLabel('Show').selectOption('');
      await row.getByRole('link', { name: member }).click();

      await page.getByRole('heading', { level: 1, name: member }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Over time' }).waitFor();
      await checkA11y(page, 'clinician: member page');
      await page.getByLabel('What to change').selectOption('hold_level');
      await page.getByLabel('Version').selectOption('chair');
      await page.getByLabel('Level').selectOption('1');
      await page.getByRole('button', { name: 'Save the change' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved. The member sees it on Today.' }).waitFor();
      await page.getByTestId('member-level').filter({ hasText: 'held at 1' }).waitFor();
      assert.deepEqual(doc.problems, []);
    } finally {
      await doc.context.close();
    }

    await memberPage.reload();
    const card = memberPage.getByTestId('programme-changes');
    await card.getByText('Kept you at chair level 1').waitFor();
    assert.match((await card.textContent()) ?? '', /@example\.com/);
    await checkA11y(memberPage, 'today with a clinician’s change');
    await navigateTo(memberPage, 'Settings');
    await memberPage.getByRole('heading', { level: 2, name: 'Changes by your clinicians' }).waitFor();
    await memberPage.getByText('Kept you at chair level 1').waitFor();
    // A member has no caseload: no menu entry, and the address says there is nothing there.
    assert.equal(await memberPage.getByRole('link', { name: 'Caseload' }).count(), 0);
    await memberPage.goto('/clinician');
    await memberPage.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    assert.deepEqual(problems, []);
  }));

test('a clinician nobody follows yet sees how to invite a member', () =>
  inPage(h(), async ({ page, problems }) => {
    await clinician(page, h());
    await page.goto('/clinician');
    await page.getByRole('heading', { level: 2, name: 'No one follows you yet — invite a member' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Invite a member', exact: true }).waitFor();
    await checkA11y(page, 'caseload: empty');
    assert.deepEqual(problems, []);
  }));
