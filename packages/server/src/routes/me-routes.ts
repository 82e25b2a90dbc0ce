import { Hono, type Context } from 'hono';
import { changePasswordBody, deleteAccountBody, localDate, settingsBody } from '@hipwise/core';
import type { AppEnv } from '../http/app-env.js';
import { attemptContext } from '../http/device-cookie.js';
import { clearReauthCookie, reauthProof } from '../http/reauth-cookie.js';
import { clearSessionCookie } from '../http/session.js';
import { jsonBody } from '../http/validate.js';
import type { AccountService } from '../services/account-service.js';
import type { OnboardingService } from '../services/onboarding-service.js';

export function meRoutes(account: AccountService, onboarding: OnboardingService, trustProxy: boolean) {
  // The password (in the body) or the proof of a fresh sign-in at the provider (a cookie).
  const confirmation = (c: Context<AppEnv>) => ({
    proof: reauthProof(c),
    sessionToken: c.get('sessionToken'),
    context: attemptContext(c, trustProxy),
  });

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = c.get('user');
      const [access, screening, baseline] = await Promise.all([
        account.access(user),
        onboarding.latestScreening(user.id),
        onboarding.baseline(user.id),
      ]);
      return c.json({ user, account: access, screening, baseline });
    })
    .patch('/settings', async (c) => {
      const user = await account.updateSettings(c.get('user'), await jsonBody(c, settingsBody));
      return c.json({ user });
    })
    .post('/password', async (c) => {
      const body = await jsonBody(c, changePasswordBody);
      await account.changePassword(c.get('user'), body, confirmation(c));
      clearReauthCookie(c);
      return c.body(null, 204);
    })
    .get('/export', async (c) => {
      const data = await account.exportAll(c.get('user'));
      const day = localDate(new Date(data.exportedAt), c.get('user').timeZone);
      c.header('Content-Disposition', `attachment; filename="hipwise-export-${day}.json"`);
      c.header('Cache-Control', 'no-store');
      return c.json(data);
    })
    .delete('/', async (c) => {
      const body = await jsonBody(c, deleteAccountBody);
      await account.deleteAccount(c.get('user'), body, confirmation(c));
      clearSessionCookie(c);
      clearReauthCookie(c);
      return c.body(null, 204);
    });
}
