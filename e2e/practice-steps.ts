/** Steps of a practice: the admin on the command line, invitations, consent. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { adminCommand, argon2Hasher } from '@hipwise/server/testing';
import type { Harness } from './harness.js';
import { checkA11y } from './axe.js';
import { PASSWORD, navigateTo } from './steps.js';

/** `npm run admin -- create EMAIL`, through the command's own function: returns the password it printed. */
export async function createAdmin(h: Harness, email: string): Promise<string> {
  const lines = await adminCommand(h.db, argon2Hasher(), ['create', email], new Date());
  const password = lines.map((l) => l.trim()).find((l) => /^[A-Za-z0-9_-]{24}$/.test(l));
  assert.ok(password, lines.join('\n'));
  return password;
}

/** Makes an invitation on the page's form and returns the code it showed once. */
export async function makeInvitation(page: Page, button: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const code = (await page.locator('.invitation-code').textContent())?.trim() ?? '';
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return code;
}

/**
 * Opens an invitation's link signed out, creates an account from there (with the code when the
 * instance asks for one) and comes back to the invitation.
 */
export async function joinAsNewAccount(page: Page, code: string, email: string): Promise<void> {
  await page.goto(`/join/${code}`);
  await page.getByText('Sign in to open this invitation').waitFor();
  await page.getByRole('link', { name: 'create an account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
  await checkA11y(page, 'sign up with an invitation');
  const field = page.getByLabel('Invitation code');
  if ((await field.count()) > 0) assert.equal(await field.inputValue(), code, 'the code is carried over');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => u.pathname === `/join/${code}`);
}

/** The member's Settings, at the section on clinicians. */
export async function openSettings(page: Page): Promise<void> {
  await navigateTo(page, 'Settings');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
}

/** The signed-in account's id, as the API knows it. */
export async function myId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/me');
    return ((await res.json()) as { user: { id: string } }).user.id;
  });
}
