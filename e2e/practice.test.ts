import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { shotPath } from './docs-screenshots.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { baselineBody, hashPassword, makeClinician, seedAccount } from '@hipwise/server/testing';
import { createAdmin, joinAsNewAccount, makeInvitation, openSettings } from './practice-steps.js';
import {
  answerScreening,
  checkIn,
  fillBaseline,
  freshEmail,
  logIn,
  navigateTo,
  PASSWORD,
  readWelcome,
} from './steps.js';

const h = fileHarness();
const UPDATE_DOCS = process.env['HIPWISE_UPDATE_DOCS'] === '1';
/** Well formed, never given out. */
const WRONG_CODE = 'WRNG-GUES-SS22';

/** The invitation page's ways of not opening a code, each with what to do next. */
async function joinPageErrors(page: Page, code: string): Promise<void> {
  // A wrong code: said so, and another can be typed.
  await page.goto(`/join/${WRONG_CODE}`);
  await page
    .getByRole('alert')
    .filter({ hasText: 'This invitation code is not valid or has expired' })
    .waitFor();
  await checkA11y(page, 'invitation: not valid');
  // hipwise cannot be reached: a retry, not "not valid".
  await page.context().setOffline(true);
  await page.getByLabel('Invitation code').fill(code.toLowerCase());
  await page.getByLabel('Invitation code').press('Enter');
  const failed = page.getByRole('alert').filter({ hasText: 'Could not load the invitation' });
  await failed.waitFor();
  await checkA11y(page, 'invitation: could not load');
  await page.context().setOffline(false);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: /^Share with / }).waitFor();
}

test('an invitation opened while the account cannot be loaded says so, and Try again opens it once hipwise answers', () =>
  inPage(h(), async ({ page, context, problems }) => {
    // Set up on the server: a clinician's invitation, and a member already signed in on this
    // browser, whose account this browser has never loaded (so it keeps no copy to fall back on).
    const now = h().clock.now();
    const passwordHash = await hashPassword(PASSWORD);
    const seed = (email: string) =>
      seedAccount(h().db, {
        email,
        passwordHash,
        timeZone: 'Europe/Berlin',
        joined: now,
        now,
        baseline: baselineBody(),
      });
    const clinician = await seed(freshEmail());
    await makeClinician(h().db, clinician.user.id);
    const made = await fetch(`${h().url}/api/invitations`, {
      method: 'POST',
      headers: { cookie: clinician.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(made.status, 201);
    const { invitation } = (await made.json()) as { invitation: { code: string } };
    const member = await seed(freshEmail());
    const [name = '', value = ''] = member.cookie.split('=');
    await context.addCookies([{ name, value, url: h().url }]);

    // The network refuses the account's request: the page says so, with a retry, not "sign in".
    let refused = 0;
    await page.route('**/api/me', async (route) => {
      refused += 1;
      await route.abort('connectionrefused');
    });
    await page.goto(`/join/${invitation.code}`);
    const failed = page.getByRole('alert').filter({ hasText: 'Could not load your account' });
    await failed.waitFor();
    await failed.getByText('Could not reach hipwise. Check your connection and try again.').waitFor();
    assert.equal(await page.getByText('Sign in to open this invitation').count(), 0);
    assert.ok(refused >= 1, 'the account was asked for, and refused');
    await checkA11y(page, 'invitation: could not load your account');

    // hipwise answers again: Try again loads the account and opens the invitation.
    await page.unroute('**/api/me');
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.getByText(`${clinician.user.email}, a clinician on this hipwise, asks to follow`).waitFor();
    assert.equal(await failed.count(), 0);
    assert.deepEqual(
      problems.filter(
        (p) => !/^console: Failed to load resource: net::ERR_CONNECTION_REFUSED \(.*\/api\/me\)$/.test(p),
      ),
      [],
    );
  }));

test('the practice in one walk: an admin invites a clinician, who invites a member, who consents; the clinician reads the caseload and the member and holds a level, the member sees it on Today, revokes, and the clinician gets nothing; the member sees each read', () =>
  inPage(h(), async (admin) => {
    // The admin: made by `npm run admin -- create`, signs in with the password it printed.
    const adminEmail = freshEmail();
    const adminPassword = await createAdmin(h(), adminEmail);
    await logIn(admin.page, adminEmail, adminPassword);
    await admin.page.waitForURL((u) => u.pathname === '/welcome');
    await navigateTo(admin.page, 'Admin');
    await admin.page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await admin.page.getByRole('radio', { name: 'By invitation' }).check();
    await admin.page.getByRole('button', { name: 'Save' }).click();
    await admin.page.getByText('Saved.').waitFor();
    const clinicianCode = await makeInvitation(admin.page, 'Invite a clinician');
    await checkA11y(admin.page, 'admin');

    const clinicianEmail = freshEmail();
    await inPage(h(), async (clinician) => {
      const doc = clinician.page;
      await joinAsNewAccount(doc, clinicianCode, clinicianEmail);
      await doc.getByRole('button', { name: 'Become a clinician' }).click();
      await doc.getByRole('link', { name: 'Go to your practice' }).click();
      await doc.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      // Nobody follows a new clinician: the caseload says how to invite someone.
      await doc
        .getByRole('heading', { level: 2, name: 'No one follows you yet — invite a member' })
        .waitFor();
      await checkA11y(doc, 'caseload: empty');
      const memberCode = await makeInvitation(doc, 'Invite a member');
      await checkA11y(doc, 'clinician: invite a member');

      await inPage(h(), async (member) => {
        const page = member.page;
        const memberEmail = freshEmail();
        await joinAsNewAccount(page, memberCode, memberEmail);
        // The consent screen names the clinician and what is shared; notes only if ticked.
        await page.getByText(`${clinicianEmail}, a clinician on this hipwise, asks to follow`).waitFor();
        await page.getByText('Your notes (check-in notes and reflections) only if you tick').waitFor();
        assert.equal(await page.getByRole('checkbox', { name: 'Also share my notes' }).isChecked(), false);
        await checkA11y(page, 'consent screen');
        await joinPageErrors(page, memberCode);
        await page.getByRole('button', { name: `Share with ${clinicianEmail}` }).click();
        await page.getByText(`${clinicianEmail} now follows your progress`).waitFor();

        // The member starts the programme as anyone does, and checks in.
        await page.goto('/');
        await readWelcome(page);
        await answerScreening(page, [], 'clear');
        await fillBaseline(page);
        await checkIn(page, 5, 4);

        // The clinician finds the member on the caseload, filters, and opens their page.
        await doc.reload();
        const row = doc.getByTestId('caseload-row').filter({ hasText: memberEmail });
        await row.waitFor();
        assert.match((await row.textContent()) ?? '', /Chair 1 \(3\s×\s10\ss\)/);
        await checkA11y(doc, 'caseload');
        if (UPDATE_DOCS) await doc.screenshot({ path: shotPath('caseload.png'), fullPage: true });
        // Nobody needs attention yet, so "anyone who needs attention" is empty.
        await doc.getByLabel('Show').selectOption('any');
        await doc.getByText('No member matches these filters.').waitFor();
        await doc.getByLabel('Show').selectOption('');
        await row.getByRole('link', { name: memberEmail }).click();
        await doc.getByRole('heading', { level: 1, name: memberEmail }).waitFor();
        await doc.getByRole('heading', { level: 2, name: 'Over time' }).waitFor();
        await checkA11y(doc, 'clinician: member page');
        const memberId = new URL(doc.url()).pathname.split('/').pop()!;

        // The clinician holds the member at chair level 1; the member sees it on Today and in Settings.
        await doc.getByLabel('What to change').selectOption('hold_level');
        await doc.getByLabel('Version').selectOption('chair');
        await doc.getByLabel('Level').selectOption('1');
        await doc.getByRole('button', { name: 'Save the change' }).click();
        await doc.getByRole('status').filter({ hasText: 'Saved. The member sees it on Today.' }).waitFor();
        await doc.getByTestId('member-level').filter({ hasText: 'held at 1' }).waitFor();

        await page.reload();
        const card = page.getByTestId('programme-changes');
        await card.getByText('Kept you at chair level 1').waitFor();
        assert.match((await card.textContent()) ?? '', new RegExp(clinicianEmail.replace(/\./g, '\\.')));
        await checkA11y(page, 'today with a clinician’s change');
        // A member has no caseload: no menu entry, and the address says there is nothing there.
        assert.equal(await page.getByRole('link', { name: 'Caseload' }).count(), 0);

        await openSettings(page);
        await page.getByRole('heading', { level: 2, name: 'Changes by your clinicians' }).waitFor();
        await page.getByText('Kept you at chair level 1').first().waitFor();
        const clinicians = page.getByRole('region', { name: 'Clinicians who follow you' });
        await clinicians.getByText(`${clinicianEmail} sees your outcomes and adherence, since`).waitFor();
        const seen = page.getByRole('region', { name: 'Who has seen my data' });
        await seen.getByRole('cell', { name: `gave consent to ${clinicianEmail} (without notes)` }).waitFor();
        // Each read by the clinician is listed, with who read it.
        for (const what of ['read the caseload entry', 'read the summary']) {
          await seen
            .getByRole('row')
            .filter({ hasText: what })
            .filter({ hasText: `${clinicianEmail} (clinician)` })
            .first()
            .waitFor();
        }
        await checkA11y(page, 'settings: clinicians and who has seen my data');

        await clinicians.getByRole('checkbox', { name: `Share my notes with ${clinicianEmail}` }).check();
        await clinicians
          .getByText(`${clinicianEmail} sees your outcomes and adherence, and your notes`)
          .waitFor();
        // Revoking asks first; Escape backs out and gives the focus back.
        const revoke = clinicians.getByRole('button', { name: 'Revoke…' });
        await revoke.click();
        const act = clinicians.getByRole('button', { name: `Revoke ${clinicianEmail}’s access` });
        assert.ok(await act.evaluate((b) => b === document.activeElement), 'the act button is focused');
        await checkA11y(page, 'settings: confirm revoking');
        await page.keyboard.press('Escape');
        await act.waitFor({ state: 'detached' });
        assert.ok(await revoke.evaluate((b) => b === document.activeElement), 'focus is back on Revoke…');
        await revoke.press('Enter');
        await act.click();
        await clinicians.getByText(`${clinicianEmail} no longer sees your data.`).waitFor();
        await clinicians.getByText('No clinician follows you.').waitFor();
        const consents: unknown = await page.evaluate(
          async () => (await (await fetch('/api/me/consents')).json()) as unknown,
        );
        assert.deepEqual(consents, { consents: [] });

        // The clinician's next request about the member gets nothing, not even that they exist.
        const after = await doc.request.get(`/api/clinician/members/${memberId}`);
        assert.equal(after.status(), 404);
        const caseload = (await (await doc.request.get('/api/clinician/caseload')).json()) as {
          members: unknown[];
        };
        assert.deepEqual(caseload.members, []);

        await page.goto('/clinician');
        await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
        assert.deepEqual(
          member.problems.filter((p) => !p.includes('net::ERR_INTERNET_DISCONNECTED')),
          [],
        );
      });

      // Guessing codes is slow: past ten wrong ones the invitation page says how long to wait.
      for (let i = 0; i < 11; i++) {
        assert.equal((await doc.request.get(`/api/invitations/${WRONG_CODE}`)).status(), 404);
      }
      await doc.goto(`/join/${WRONG_CODE}`);
      await doc
        .getByRole('alert')
        .filter({ hasText: /^Too many wrong invitation codes\. .* wait \d+\sseconds and try again\./ })
        .waitFor();
      await checkA11y(doc, 'invitation: too many wrong codes');
      assert.deepEqual(clinician.problems, []);
    });

    // The instance log lists what happened, with no health data.
    await admin.page.reload();
    const log = admin.page.getByRole('region', { name: 'Audit log' });
    await log.getByRole('cell', { name: `revoked the consent of ${clinicianEmail}` }).waitFor();
    await log.getByRole('cell', { name: 'accepted an invitation from ' + adminEmail }).waitFor();
    assert.deepEqual(admin.problems, []);
  }));
