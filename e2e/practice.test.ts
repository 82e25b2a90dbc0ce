import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { createAdmin, joinAsNewAccount, makeInvitation, openSettings } from './practice-steps.js';
import { freshEmail, logIn, navigateTo } from './steps.js';

const h = fileHarness();

test('an admin made on the command line invites a clinician, who invites a member, who consents; the clinician reads, the member sees each read, revokes, and the clinician gets nothing', () =>
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
      await joinAsNewAccount(clinician.page, clinicianCode, clinicianEmail);
      await clinician.page.getByRole('button', { name: 'Become a clinician' }).click();
      await clinician.page.getByRole('link', { name: 'Go to your practice' }).click();
      await clinician.page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      const memberCode = await makeInvitation(clinician.page, 'Invite a member');
      await checkA11y(clinician.page, 'clinician: invite a member');

      await inPage(h(), async (member) => {
        const page = member.page;
        const memberEmail = freshEmail();
        await joinAsNewAccount(page, memberCode, memberEmail);
        // The consent screen names the clinician and what is shared; notes only if ticked.
        await page.getByText(`${clinicianEmail}, a clinician on this hipwise, asks to follow`).waitFor();
        await page.getByText('Your notes (check-in notes and reflections) only if you tick').waitFor();
        assert.equal(await page.getByRole('checkbox', { name: 'Also share my notes' }).isChecked(), false);
        await checkA11y(page, 'consent screen');
        await page.getByRole('button', { name: `Share with ${clinicianEmail}` }).click();
        await page.getByText(`${clinicianEmail} now follows your progress`).waitFor();

        // The clinician finds the member on the caseload and opens their page.
        await clinician.page.reload();
        await clinician.page.getByRole('link', { name: memberEmail }).click();
        await clinician.page.getByRole('heading', { level: 1, name: memberEmail }).waitFor();
        const memberPath = new URL(clinician.page.url()).pathname;
        const memberId = memberPath.split('/').pop()!;

        await openSettings(page);
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
            .waitFor();
        }
        await checkA11y(page, 'settings: clinicians and who has seen my data');

        await clinicians.getByRole('checkbox', { name: `Share my notes with ${clinicianEmail}` }).check();
        await clinicians
          .getByText(`${clinicianEmail} sees your outcomes and adherence, and your notes`)
          .waitFor();
        await clinicians.getByRole('button', { name: 'Revoke…' }).click();
        await checkA11y(page, 'settings: confirm revoking');
        await clinicians.getByRole('button', { name: `Revoke ${clinicianEmail}’s access` }).click();
        await clinicians.getByText(`${clinicianEmail} no longer sees your data.`).waitFor();
        await clinicians.getByText('No clinician follows you.').waitFor();
        const consents: unknown = await page.evaluate(
          async () => (await (await fetch('/api/me/consents')).json()) as unknown,
        );
        assert.deepEqual(consents, { consents: [] });

        // The clinician's next request about the member gets nothing, not even that they exist.
        const after = await clinician.page.request.get(`/api/clinician/members/${memberId}`);
        assert.equal(after.status(), 404);
        const caseload = (await (await clinician.page.request.get('/api/clinician/caseload')).json()) as {
          members: unknown[];
        };
        assert.deepEqual(caseload.members, []);
        assert.deepEqual(member.problems, []);
      });
      assert.deepEqual(clinician.problems, []);
    });

    // The instance log lists what happened, with no health data.
    await admin.page.reload();
    const log = admin.page.getByRole('region', { name: 'Audit log' });
    await log.getByRole('cell', { name: `revoked the consent of ${clinicianEmail}` }).waitFor();
    await log.getByRole('cell', { name: 'accepted an invitation from ' + adminEmail }).waitFor();
    assert.deepEqual(admin.problems, []);
  }));
