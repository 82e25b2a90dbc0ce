import type { ReauthIntent, ReauthRefusal, User } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { insertReauthProof, takeReauthProof } from '../repositories/reauth-proofs.js';
import { userIdentities } from '../repositories/user-identities.js';
import { hashToken } from './auth-service.js';
import type { ServiceDeps } from './deps.js';

/** A sign-in at the provider counts as fresh this long after the person typed their password there. */
export const REAUTH_FRESH_MINUTES = 5;
/** How long the proof of a fresh sign-in waits for the action it confirms. */
export const REAUTH_PROOF_MINUTES = 5;

/** The single sign-on this instance offers: its display name, and its issuer to match links with. */
export interface ReauthProvider {
  name: string;
  issuer: string;
}

const sameIssuer = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** Each step a proof confirms, in the words of a sentence ("… for deleting your account"). */
const STEP: Record<ReauthIntent, string> = {
  delete: 'deleting your account',
  password: 'setting a password',
};

/** A refusal that confirming at the provider again mends. */
const refusal = (code: ReauthRefusal, message: string) => new AppError('forbidden', code, message);

/**
 * Proofs that the person behind a session just signed in again at their provider: what an account
 * without a password gives instead of one, to be deleted or to set a password. A proof is stored
 * by hash, bound to its session, account and step, short-lived and good once, so it works on any
 * server process, a copied proof is useless in another session, and a proof asked for one step
 * does not open the other.
 */
export function reauthProofs(deps: ServiceDeps, provider: ReauthProvider | undefined) {
  const { clock } = deps;
  return {
    provider,

    /** Whether the account is linked to this instance's provider, which can then confirm it. */
    async linked(q: Queryable, userId: string): Promise<boolean> {
      if (!provider) return false;
      return (await userIdentities(q, userId)).some((i) => sameIssuer(i.issuer, provider.issuer));
    },

    /** A new proof for the session of `sessionHash` and step `intent`, inside the caller's transaction. */
    async grant(
      q: Queryable,
      userId: string,
      sessionHash: string,
      intent: ReauthIntent,
    ): Promise<{ token: string; expiresAt: Date }> {
      const token = deps.newToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + REAUTH_PROOF_MINUTES * 60_000);
      await insertReauthProof(q, {
        proofHash: hashToken(token),
        userId,
        sessionHash,
        intent,
        now,
        expiresAt,
      });
      return { token, expiresAt };
    },

    /**
     * Uses up the proof for step `intent` inside the caller's transaction (so a failed action, or a
     * refusal here, leaves it unused), or refuses in a sentence that says what to do.
     */
    async spend(
      q: Queryable,
      token: string | undefined,
      user: User,
      sessionToken: string,
      intent: ReauthIntent,
    ): Promise<void> {
      if (!provider) {
        throw new AppError(
          'forbidden',
          'reauth_unavailable',
          'Your account has no password, and this hipwise has no single sign-on set up to confirm it is you. Ask whoever runs this hipwise.',
        );
      }
      const again = `Confirm with ${provider.name} again.`;
      if (token === undefined) {
        throw refusal(
          'reauth_required',
          `You sign in with ${provider.name}, so confirm it is you there first: use “Confirm with ${provider.name}”.`,
        );
      }
      const proof = await takeReauthProof(q, hashToken(token), clock.now());
      if (!proof) {
        throw refusal(
          'reauth_expired',
          `Your confirmation with ${provider.name} has expired or was used already. ${again}`,
        );
      }
      if (proof.userId !== user.id || proof.sessionHash !== hashToken(sessionToken)) {
        throw refusal(
          'reauth_other_session',
          `That confirmation with ${provider.name} was made in another session, so it does not count here. ${again}`,
        );
      }
      if (proof.intent !== intent) {
        throw refusal(
          'reauth_other_action',
          `That confirmation with ${provider.name} was for ${STEP[proof.intent]}, so it does not count for ${STEP[intent]}. ${again}`,
        );
      }
    },
  };
}

export type ReauthProofs = ReturnType<typeof reauthProofs>;
