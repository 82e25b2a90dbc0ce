/**
 * Single sign-on in Chromium against a real OpenID Provider (oidc-provider) on 127.0.0.1: the
 * person clicks "Sign in with …", signs in on the provider's own page, and lands in hipwise; an
 * account made that way confirms at the provider to delete itself or to set a password.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startTestProvider, testOidcConfig, type TestProvider } from '@hipwise/server/testing/oidc-provider';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { logIn, logOut } from './steps.js';

const ACCOUNTS = [
  { sub: 'sub-dana', email: 'dana@practice.example', emailVerified: true, password: 'dana-at-the-provider' },
  { sub: 'sub-eve', email: 'eve@practice.example', emailVerified: false, password: 'eve-at-the-provider' },
  { sub: 'sub-fran', email: 'fran@practice.example', emailVerified: true, password: 'fran-at-the-provider' },
  { sub: 'sub-gil', email: 'gil@practice.example', emailVerified: true, password: 'gil-at-the-provider' },
];
const CLIENT = { clientId: 'hipwise-e2e', clientSecret: 'e2e-client-secret' };

// Started before the app, whose configuration names it; it learns the app's address after.
const idp: TestProvider = await startTestProvider(ACCOUNTS);
const provider = () => idp;
const h = fileHarness({
  options: () => ({
    server: {
      // The app's address is known once it listens: the redirect URL follows the browser's.
      oidc: testOidcConfig(provider().issuer, CLIENT),
    },
  }),
});
// Registers the app's callback at the provider, once the app listens (hooks at the top run together).
let registered = false;
function registerApp(): void {
  if (registered) return;
  provider().register([{ ...CLIENT, redirectUris: [`${h().url}/api/auth/oidc/callback`] }]);
  registered = true;
}
after(() => idp.close());

/** From the app's log-in page through the provider's page, as the person would. */
async function signInAtProvider(page: Page, email: string, password: string) {
  registerApp();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Sign in with Practice login' }).click();
  await atProvider(page, email, password);
}

/** On the provider's own log-in page, which asks for the password again each time it is sent there. */
async function atProvider(page: Page, email: string, password: string) {
  await page.getByRole('heading', { level: 1, name: 'Test provider' }).waitFor();
  assert.equal(new URL(page.url()).origin, provider().issuer);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in at the provider' }).click();
}

test('sign in with the practice’s provider: a new account, signed in, straight into onboarding', () =>
  inPage(h(), async ({ page, problems }) => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Practice login' }).waitFor();
    await checkA11y(page, 'log in with single sign-on');
    await signInAtProvider(page, ACCOUNTS[0]!.email, ACCOUNTS[0]!.password);
    await page.getByRole('heading', { level: 1, name: 'Welcome to hipwise' }).waitFor();
    assert.equal(new URL(page.url()).origin, h().url);
    const email = await page.evaluate(
      async () => ((await (await fetch('/api/me')).json()) as { user: { email: string } }).user.email,
    );
    assert.equal(email, 'dana@practice.example');
    assert.deepEqual(problems, []);
  }));

test('an unverified email comes back to the log-in page with a sentence, not signed in', () =>
  inPage(h(), async ({ page, problems }) => {
    await signInAtProvider(page, ACCOUNTS[1]!.email, ACCOUNTS[1]!.password);
    await page.waitForURL((url) => url.pathname === '/login' && url.origin === h().url);
    const alert = page.getByRole('alert');
    await alert.getByText('Your email address is not verified at the sign-in service').waitFor();
    await checkA11y(page, 'single sign-on refused');
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    assert.equal(me, 401);
    assert.deepEqual(problems, []);
  }));

test('an account without a password is deleted after signing in again at the provider', () =>
  inPage(h(), async ({ page, problems }) => {
    const fran = ACCOUNTS[2]!;
    await signInAtProvider(page, fran.email, fran.password);
    await page.getByRole('heading', { level: 1, name: 'Welcome to hipwise' }).waitFor();
    await page.goto('/settings');
    await page.getByText('You sign in with Practice login; your password is managed there.').waitFor();
    await checkA11y(page, 'settings of an account without a password');
    const danger = page.getByRole('region', { name: 'Delete my account' });
    await danger.getByRole('link', { name: 'Confirm with Practice login…' }).click();
    await atProvider(page, fran.email, fran.password);
    // Back in Settings, the last step is the same explicit confirmation as with a password.
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('Your account has been deleted').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    assert.equal(me, 401);
    assert.deepEqual(problems, []);
  }));

test('an account without a password sets one after signing in again at the provider, then logs in with it', () =>
  inPage(h(), async ({ page, problems }) => {
    const gil = ACCOUNTS[3]!;
    const password = 'gil’s own hipwise password';
    await signInAtProvider(page, gil.email, gil.password);
    await page.getByRole('heading', { level: 1, name: 'Welcome to hipwise' }).waitFor();
    await page.goto('/settings');
    const card = page.getByRole('region', { name: 'Password' });
    await card.getByText('You sign in with Practice login; your password is managed there.').waitFor();
    await card.getByRole('link', { name: 'Confirm with Practice login to set a password…' }).click();
    await atProvider(page, gil.email, gil.password);
    // Back in Settings, the confirmed step is open: the new password and nothing else.
    await card.getByLabel('New password').fill(password);
    await checkA11y(page, 'setting a password after confirming at the provider');
    await card.getByRole('button', { name: 'Set password' }).click();
    await page
      .getByRole('region', { name: 'Change password' })
      .getByText('Password set. You can now also log in with your email and this password.')
      .waitFor();

    await logOut(page);
    await logIn(page, gil.email, password);
    await page.getByRole('heading', { level: 1, name: 'Welcome to hipwise' }).waitFor();
    const me = await page.evaluate(
      async () =>
        (await (await fetch('/api/me')).json()) as {
          user: { email: string };
          account: { hasPassword: boolean };
        },
    );
    assert.equal(me.user.email, gil.email);
    assert.equal(me.account.hasPassword, true);

    // The member's own trail has the fresh sign-in and the password, in words.
    await page.goto('/settings');
    const trail = page.getByRole('region', { name: 'Who has seen my data' });
    await trail.getByText('signed in again with single sign-on to confirm setting a password').waitFor();
    await trail.getByText('set a password, to log in with it as well').waitFor();
    assert.deepEqual(problems, []);
  }));
