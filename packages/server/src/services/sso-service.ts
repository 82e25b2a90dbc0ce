import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { emailSchema, type Role, type User } from '@hipwise/core';
import type { OidcConfig } from '../config.js';
import type { Queryable } from '../db/database.js';
import type { Logger } from '../logger.js';
import { appendAudit } from '../repositories/audit-log.js';
import { deleteExpiredOidcLogins, insertOidcLogin, takeOidcLogin } from '../repositories/oidc-logins.js';
import { readInstanceSettings } from '../repositories/instance-settings.js';
import { findIdentityUser, insertIdentity, userIdentities } from '../repositories/user-identities.js';
import { setRole } from '../repositories/user-roles.js';
import { findCredentials, findUserById, insertUser } from '../repositories/users.js';
import type { AuthService, NewSession } from './auth-service.js';
import type { ServiceDeps } from './deps.js';
import { oidcClient, SsoError, type OidcClient } from './oidc-client.js';

/** A person has this long at the provider before the sign-in must start again. */
export const OIDC_LOGIN_MINUTES = 10;

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/** The role the provider's claim gives, or undefined when the claim does not decide one. */
export function mapRole(config: OidcConfig, value: unknown): Role | undefined {
  if (config.roleClaim === undefined) return undefined;
  const values =
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : [];
  if (values.some((v) => config.adminValues.includes(v))) return 'admin';
  if (values.some((v) => config.clinicianValues.includes(v))) return 'clinician';
  return 'member';
}

export interface SsoStart {
  /** Where to send the browser: the provider's authorization endpoint. */
  location: URL;
  /** Kept in a cookie of this browser, so the callback can only finish the sign-in it started. */
  state: string;
}

export interface SsoContext {
  redirectUrl: string;
  clientAddress: string | null;
  previousToken?: string | undefined;
}

/**
 * Single sign-on through one OpenID Provider. The sign-in in flight lives in the database, so the
 * provider's redirect may land on any server process; accounts are found by (issuer, subject),
 * else linked by a verified email, else made when the sign-up policy allows.
 */
export function ssoService(
  deps: ServiceDeps,
  { config, auth, log }: { config: OidcConfig; auth: AuthService; log: Logger },
  client: OidcClient = oidcClient(config, deps.clock),
) {
  const { db, clock } = deps;

  /** The account this person signs in to, made or linked as the rules say. */
  async function accountFor(
    tx: Queryable,
    claims: { issuer: string; subject: string; email: string },
    timeZone: string,
  ): Promise<{ user: User; how: 'identity' | 'email' | 'new' }> {
    const now = clock.now();
    const known = await findIdentityUser(tx, claims.issuer, claims.subject);
    const byIdentity = known ? await findUserById(tx, known) : undefined;
    if (byIdentity) return { user: byIdentity, how: 'identity' };

    const byEmail = await findCredentials(tx, claims.email);
    if (byEmail) {
      // Another person at the same provider once had this address: theirs is the account, not this one's.
      const other = (await userIdentities(tx, byEmail.user.id)).some((i) => i.issuer === claims.issuer);
      if (other) {
        throw new SsoError('identity_conflict', 'the account of this email is linked to another subject');
      }
      await insertIdentity(tx, { ...claims, userId: byEmail.user.id, now });
      return { user: byEmail.user, how: 'email' };
    }

    if ((await readInstanceSettings(tx)).signupPolicy === 'invitation') {
      throw new SsoError('signup_closed', 'new accounts are by invitation only');
    }
    const user = await insertUser(tx, { email: claims.email, passwordHash: null, timeZone, now });
    if (!user) throw new SsoError('identity_conflict', 'the email was taken while signing in');
    await insertIdentity(tx, { ...claims, userId: user.id, now });
    return { user, how: 'new' };
  }

  return {
    name: config.name,

    async start(returnTo: string, timeZone: string, redirectUrl: string): Promise<SsoStart> {
      const state = oidc.randomState();
      const request = {
        redirectUrl,
        state,
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const location = await client.authorizationUrl(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await deleteExpiredOidcLogins(tx, now);
        await insertOidcLogin(tx, {
          stateHash: hashState(state),
          nonce: request.nonce,
          codeVerifier: request.codeVerifier,
          returnTo,
          timeZone,
          now,
          expiresAt: new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000),
        });
      });
      return { location, state };
    },

    /**
     * The provider's redirect back: `callbackUrl` carries its query. `browserState` is the state
     * this browser's cookie holds; a callback without it, or with another, is someone else's.
     */
    async callback(
      callbackUrl: URL,
      browserState: string | undefined,
      context: SsoContext,
    ): Promise<NewSession & { returnTo: string }> {
      const state = callbackUrl.searchParams.get('state');
      if (!state || state !== browserState) {
        throw new SsoError('state_unknown', 'the state is missing or not the one this browser started');
      }
      const login = await takeOidcLogin(db, hashState(state));
      if (!login || login.expiresAt <= clock.now()) {
        throw new SsoError('state_unknown', 'the state is unknown, used already or expired');
      }
      const claims = await client.exchange(callbackUrl, {
        redirectUrl: context.redirectUrl,
        state,
        nonce: login.nonce,
        codeVerifier: login.codeVerifier,
      });
      if (claims.email === undefined) throw new SsoError('email_missing', 'the provider sent no email');
      const email = emailSchema.safeParse(claims.email);
      if (!email.success) throw new SsoError('email_missing', 'the provider sent no valid email');
      if (!claims.emailVerified) {
        throw new SsoError('email_unverified', 'the provider does not say the email is verified');
      }
      const domain = email.data.slice(email.data.lastIndexOf('@') + 1);
      if (config.allowedDomains.length > 0 && !config.allowedDomains.includes(domain)) {
        throw new SsoError('domain_not_allowed', `the email domain ${domain} is not allowed`);
      }
      const role = mapRole(config, claims.role);

      const session = await db.transaction(async (tx) => {
        const found = await accountFor(tx, { ...claims, email: email.data }, login.timeZone);
        let user = found.user;
        if (role !== undefined && role !== user.role) {
          user = (await setRole(tx, user.id, role)) ?? user;
          await appendAudit(tx, {
            memberId: null,
            actor: { id: user.id, email: user.email, role },
            action: 'role.change',
            detail: { from: found.user.role, to: role, by: 'single sign-on' },
            clientAddress: context.clientAddress,
            at: clock.now(),
          });
        }
        await appendAudit(tx, {
          memberId: user.id,
          actor: { id: user.id, email: user.email, role: user.role },
          action: 'signin.sso',
          detail: { account: found.how },
          clientAddress: context.clientAddress,
          at: clock.now(),
        });
        return auth.startSession(tx, user, context.previousToken);
      });
      log.info({ userId: session.user.id, issuer: claims.issuer }, 'single sign-on');
      return { ...session, device: await auth.newDevice(session.user.id), returnTo: login.returnTo };
    },
  };
}

export type SsoService = ReturnType<typeof ssoService>;
