import type { Queryable } from '../db/database.js';

export type SignupPolicy = 'open' | 'invitation' | 'sso_only';

export interface SignInSettings {
  signupPolicy: SignupPolicy;
  localSignIn: boolean;
}

/** The admin's sign-up policy and whether local passwords sign in; no row yet means the defaults. */
export async function readSignInSettings(q: Queryable): Promise<SignInSettings> {
  const rows = await q.query<{ signup_policy: SignupPolicy; local_sign_in: boolean }>(
    'SELECT signup_policy, local_sign_in FROM instance_settings',
  );
  const r = rows[0];
  return r
    ? { signupPolicy: r.signup_policy, localSignIn: r.local_sign_in }
    : { signupPolicy: 'open', localSignIn: true };
}
