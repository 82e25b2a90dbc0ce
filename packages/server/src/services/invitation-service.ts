import type {
  AcceptInvitationBody,
  InvitationKind,
  InvitationPreview,
  NewInvitation,
  User,
} from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../repositories/audit-log.js';
import {
  findLiveInvitation,
  insertInvitation,
  markInvitationAccepted,
  takeInvitation,
  type LiveInvitation,
} from '../repositories/invitations.js';
import { insertConsent, revokeConsent } from '../repositories/member-consents.js';
import { setRole } from '../repositories/user-roles.js';
import type { ServiceDeps } from './deps.js';
import { tryCode, settle } from './invitation-attempts.js';
import { invitationCodeHash, newInvitationCode } from './invitation-code.js';
import { auditActor, type Actor } from './practice-context.js';

export const INVITATION_DAYS = 7;

export const invitationNotFound = () =>
  new AppError(
    'not_found',
    'invitation_not_found',
    'This invitation code is not valid: it may be mistyped, used already or expired. Ask for a new one.',
  );

/** Who may invite whom: an admin invites clinicians, a clinician invites members. */
const INVITER: Record<InvitationKind, User['role']> = { clinician: 'admin', member: 'clinician' };

/**
 * Whether `invitation` may be accepted by `user`: undefined when not, which is answered as the
 * same 404 as an unknown code (and counted as a wrong code) when the code was meant for someone
 * else, so a code found lying around says nothing.
 */
function acceptable(invitation: LiveInvitation | undefined, user: User): LiveInvitation | undefined {
  if (!invitation) return undefined;
  if (invitation.invitedBy.role !== INVITER[invitation.kind]) return undefined;
  if (invitation.email !== null && invitation.email !== user.email) return undefined;
  if (invitation.takenBy !== null && invitation.takenBy !== user.id) return undefined;
  if (invitation.invitedBy.id === user.id) {
    throw new AppError(
      'conflict',
      'own_invitation',
      'This is your own invitation: give it to the person you invite.',
    );
  }
  return invitation;
}

export function invitationService({ db, clock }: ServiceDeps) {
  /**
   * Opens the invitation `code` for `actor` under the limit on wrong codes (see tryCode) and runs
   * `then` on it in the same transaction.
   */
  async function open<T>(
    code: string,
    actor: Actor,
    lock: boolean,
    then: (tx: Queryable, invitation: LiveInvitation, now: Date) => Promise<T>,
  ): Promise<T> {
    const who = { userId: actor.user.id, address: actor.clientAddress };
    const outcome = await db.transaction(async (tx) => {
      const now = clock.now();
      return tryCode(tx, who, now, async () => {
        const invitation = acceptable(
          await findLiveInvitation(tx, invitationCodeHash(code), now, { lock }),
          actor.user,
        );
        return invitation && { result: await then(tx, invitation, now) };
      });
    });
    return settle(outcome, invitationNotFound).result;
  }

  return {
    async create(kind: InvitationKind, email: string | undefined, actor: Actor): Promise<NewInvitation> {
      const code = newInvitationCode();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
      await db.transaction(async (tx) => {
        await insertInvitation(tx, {
          codeHash: invitationCodeHash(code),
          kind,
          invitedBy: actor.user.id,
          email: email ?? null,
          now,
          expiresAt,
        });
        await appendAudit(tx, {
          memberId: null,
          actor: auditActor(actor),
          action: 'invitation.create',
          detail: { kind, email: email ?? null },
          clientAddress: actor.clientAddress,
          at: now,
        });
      });
      return {
        code,
        path: `/join/${code}`,
        kind,
        email: email ?? null,
        expiresAt: expiresAt.toISOString(),
      };
    },

    /** What accepting would mean, for the person about to decide. */
    async preview(code: string, actor: Actor): Promise<InvitationPreview> {
      return open(code, actor, false, async (_tx, invitation) => {
        const { email, role } = invitation.invitedBy;
        return { kind: invitation.kind, invitedBy: { email, role }, expiresAt: invitation.expiresAt };
      });
    },

    /**
     * A clinician's invitation makes the account a clinician; a member's gives the inviting
     * clinician consent with the scope chosen. Either way the code is spent, and the audit line
     * lands in the same transaction.
     */
    async accept(code: string, body: AcceptInvitationBody, actor: Actor): Promise<{ user: User }> {
      const user = actor.user;
      return open(code, actor, true, async (tx, invitation, now) => {
        await markInvitationAccepted(tx, invitation.codeHash, user.id, now);
        const line = { actor: auditActor(actor), clientAddress: actor.clientAddress, at: now };
        if (invitation.kind === 'clinician') {
          if (user.role === 'admin') {
            throw new AppError(
              'conflict',
              'admin_cannot_be_clinician',
              'An admin account cannot also be a clinician: accept this invitation with another account.',
            );
          }
          const updated = user.role === 'clinician' ? user : await setRole(tx, user.id, 'clinician');
          await appendAudit(tx, {
            ...line,
            memberId: null,
            action: 'invitation.accept',
            detail: { kind: 'clinician', invitedBy: invitation.invitedBy.email },
          });
          if (user.role !== 'clinician') {
            await appendAudit(tx, {
              ...line,
              memberId: null,
              action: 'role.change',
              detail: { email: user.email, from: user.role, to: 'clinician' },
            });
          }
          return { user: updated ?? user };
        }
        await grant(tx, user, invitation, body.shareNotes ?? false, line);
        return { user };
      });
    },
  };
}

async function grant(
  tx: Queryable,
  member: User,
  invitation: LiveInvitation,
  shareNotes: boolean,
  line: { actor: ReturnType<typeof auditActor>; clientAddress: string | null; at: Date },
): Promise<void> {
  // Accepting again replaces the standing consent with the scope chosen now.
  const replaced = await revokeConsent(tx, member.id, invitation.invitedBy.id, line.at);
  await insertConsent(tx, {
    memberId: member.id,
    clinicianId: invitation.invitedBy.id,
    shareNotes,
    now: line.at,
  });
  await appendAudit(tx, {
    ...line,
    memberId: member.id,
    action: 'invitation.accept',
    detail: { kind: 'member', invitedBy: invitation.invitedBy.email },
  });
  await appendAudit(tx, {
    ...line,
    memberId: member.id,
    action: replaced ? 'consent.scope' : 'consent.grant',
    detail: { clinician: invitation.invitedBy.email, shareNotes },
  });
}

/** Sign-up under the invitation policy: the code must be live, and the new account takes it. */
export async function takeInvitationForSignup(
  tx: Queryable,
  code: string | undefined,
  userId: string,
  now: Date,
): Promise<void> {
  const hash = code === undefined ? undefined : invitationCodeHash(code);
  const live = hash === undefined ? undefined : await findLiveInvitation(tx, hash, now, { lock: true });
  if (!hash || !live || live.takenBy !== null || !(await takeInvitation(tx, hash, userId, now))) {
    throw invitationRequired();
  }
}

export const invitationRequired = () =>
  new AppError(
    'forbidden',
    'invitation_required',
    'This hipwise takes new accounts by invitation only. Enter the code from your invitation: it may be mistyped, used already or expired.',
    { invitation: 'needs a valid invitation code' },
  );

export type InvitationService = ReturnType<typeof invitationService>;
