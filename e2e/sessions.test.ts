import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage } from './in-page.js';
import { freshEmail, logIn, onboardedUser, signUp } from './steps.js';

const h = fileHarness();

test('log out everywhere ends the session on another device too', () =>
  inPage(h(), (laptop) =>
    inPage(h(), async (phone) => {
      const email = await onboardedUser(laptop.page);

      await logIn(phone.page, email);
      await phone.page.waitForURL((u) => u.pathname === '/today');

      await laptop.page.goto('/settings');
      await laptop.page.getByRole('button', { name: 'Log out everywhere' }).click();
      await laptop.page.waitForURL((u) => u.pathname === '/login');
      await laptop.page.getByText('You are logged out everywhere').waitFor();
      await checkA11y(laptop.page, 'log in: logged out everywhere');

      await phone.page.reload();
      await phone.page.waitForURL((u) => u.pathname === '/login');
      assert.deepEqual([...laptop.problems, ...phone.problems], []);
    }),
  ));

test('after repeated wrong passwords the log-in page says to wait, in words', () =>
  inPage(h(), async ({ context, page, problems }) => {
    const email = freshEmail();
    await signUp(page, email);
    await context.clearCookies();
    for (let i = 0; i < 6; i++) {
      await logIn(page, email, `wrong password ${i}`);
      await page.getByText('The email or password is not right.').first().waitFor();
    }
    // At once, on the same form as a user retyping would: the lock after the sixth failure lasts
    // 2 s, less than reloading the page takes on a busy machine.
    await page.getByLabel('Password', { exact: true }).fill('wrong password again');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page
      .getByText(/Too many failed log-ins\. For your safety, please wait \d+\sseconds/)
      .first()
      .waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await checkA11y(page, 'log in: too many attempts');
    assert.deepEqual(problems, []);
  }));
