import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { emailSchema, type ReauthIntent, type Role, type User } from '@hipwise/core';
import type { OidcConfig } from '../config.js';
import type { Queryable } from '../db/database.js';
import type { Logger } from '../logger.js';
import { appendAudit } from '../repositories/audit-log.js';
import { deleteExpiredOidcLogins, insertOidcLogin, takeOidcLogin } from '../repositories/oidc-logins.js';
import { readInstanceSettings } from '../repositories/instance-settings.js';
import { findIdentityUser, insertIdentity, userIdentities } from '../repositories/user-identities.js';
import { setRole } from '../repositories/user-roles.js';
import { findCredentials, findUserById, insertUser } from '../repositories/users.js';
import { hashToken, type AuthService, type NewSession } from './auth-service.js';
import type { ServiceDeps } from './deps.js';
import { oidcClient, SsoError, type OidcClient, type ProviderClaims } from './oidc-client.js';
import { REAUTH_FRESH_MINUTES, type ReauthProofs } from './reauth.js';

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
  /** The session this browser holds, if any. */
  previousToken?: string | undefined;
}

/** Who asks for a fresh sign-in, to confirm what (Settings opens that step again on the way back). */
export interface ReauthRequest {
  user: User;
  sessionToken: string;
  intent: ReauthIntent;
}

/** The end of a round trip: a new session, or the proof that the signed-in person signed in again. */
export type SsoResult =
  (NewSession & { kind: 'session'; returnTo: string }) | { kind: 'reauth'; proof: string; returnTo: string };

/** Where Settings picks up the step a fresh sign-in confirmed. */
export const reauthReturn = (intent: ReauthIntent) => `/settings?confirmed=${intent}`;

/** A refusal during a fresh sign-in, marked so its person goes back to Settings, not to log-in. */
const duringReauth = (err: unknown) =>
  err instanceof SsoError && err.during === 'signin' ? new SsoError(err.code, err.reason, 'reauth') : err;

/**
 * Single sign-on through one OpenID Provider. The sign-in in flight lives in the database, so the
 * provider's redirect may land on any server process; accounts are found by (issuer, subject),
 * else linked by a verified email, else made when the sign-up policy allows.
 */
export function ssoService(
  deps: ServiceDeps,
  { config, auth, reauth, log }: { config: OidcConfig; auth: AuthService; reauth: ReauthProofs; log: Logger },
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

  /**
   * The provider vouches that the person who asked signed in there again just now: the same
   * sign-in the account is linked to, recently, and still in the session that asked. Then the
   * session gets its proof.
   */
  async function confirmFreshSignIn(
    claims: ProviderClaims,
    { userId, sessionHash, intent }: { userId: string; sessionHash: string; intent: ReauthIntent },
    context: SsoContext,
  ): Promise<string> {
    if (context.previousToken === undefined || hashToken(context.previousToken) !== sessionHash) {
      throw new SsoError('reauth_session', 'the browser no longer holds the session that asked');
    }
    const current = await auth.authenticate(context.previousToken);
    if (!current || current.id !== userId) {
      throw new SsoError('reauth_session', 'the session that asked has ended');
    }
    if ((await findIdentityUser(db, claims.issuer, claims.subject)) !== userId) {
      throw new SsoError(
        'reauth_wrong_account',
        'the provider signed in a subject not linked to this account',
      );
    }
    const ageSeconds =
      claims.authTime === undefined ? undefined : clock.now().getTime() / 1000 - claims.authTime;
    // A minute's grace the other way, for clocks that disagree a little.
    if (ageSeconds === undefined || ageSeconds > REAUTH_FRESH_MINUTES * 60 || ageSeconds < -60) {
      throw new SsoError(
        'reauth_stale',
        ageSeconds === undefined
          ? 'the ID token has no auth_time'
          : `auth_time is ${Math.round(ageSeconds)} s old`,
      );
    }
    const granted = await db.transaction(async (tx) => {
      await appendAudit(tx, {
        memberId: userId,
        actor: { id: current.id, email: current.email, role: current.role },
        action: 'reauth.sso',
        detail: { for: intent },
        clientAddress: context.clientAddress,
        at: clock.now(),
      });
      return reauth.grant(tx, userId, sessionHash, intent);
    });
    log.info({ userId, issuer: claims.issuer, intent }, 'single sign-on: fresh sign-in confirmed');
    return granted.token;
  }

  return {
    name: config.name,

    /**
     * A sign-in, or with `confirming` a fresh sign-in of the signed-in person (the provider is
     * asked to have them sign in again now), bound to their account and session.
     */
    async start(
      returnTo: string,
      timeZone: string,
      redirectUrl: string,
      confirming?: ReauthRequest,
    ): Promise<SsoStart> {
      if (confirming && !(await reauth.linked(db, confirming.user.id))) {
        throw new SsoError('reauth_not_linked', 'the account has no sign-in at this provider', 'reauth');
      }
      const state = oidc.randomState();
      const request = {
        redirectUrl,
        state,
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        fresh: confirming !== undefined,
      };
      const location = await client.authorizationUrl(request).catch((err: unknown) => {
        throw confirming ? duringReauth(err) : err;
      });
      const now = clock.now();
      await db.transaction(async (tx) => {
        await deleteExpiredOidcLogins(tx, now);
        await insertOidcLogin(tx, {
          stateHash: hashState(state),
          nonce: request.nonce,
          codeVerifier: request.codeVerifier,
          returnTo: confirming ? reauthReturn(confirming.intent) : returnTo,
          timeZone,
          now,
          expiresAt: new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000),
          reauth: confirming && {
            userId: confirming.user.id,
            sessionHash: hashToken(confirming.sessionToken),
            intent: confirming.intent,
          },
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
    ): Promise<SsoResult> {
      const state = callbackUrl.searchParams.get('state');
      if (!state || state !== browserState) {
        throw new SsoError('state_unknown', 'the state is missing or not the one this browser started');
      }
      const login = await takeOidcLogin(db, hashState(state), clock.now());
      if (!login) throw new SsoError('state_unknown', 'the state is unknown, used already or expired');
      const exchange = () =>
        client.exchange(callbackUrl, {
          redirectUrl: context.redirectUrl,
          state,
          nonce: login.nonce,
          codeVerifier: login.codeVerifier,
        });
      if (login.reauth) {
        const asked = login.reauth;
        try {
          const proof = await confirmFreshSignIn(await exchange(), asked, context);
          return { kind: 'reauth', proof, returnTo: login.returnTo };
        } catch (err) {
          throw duringReauth(err);
        }
      }
      const claims = await exchange();
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
      return {
        kind: 'session',
        ...session,
        device: await auth.newDevice(session.user.id),
        returnTo: login.returnTo,
      };
    },
  };
}

export type SsoService = ReturnType<typeof ssoService>;
