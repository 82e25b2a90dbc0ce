import type { Consent, User } from '@hipwise/core';
import { AppError } from '../errors.js';
import { appendAudit } from '../repositories/audit-log.js';
import { memberAuditPage, type AuditPageRequest } from '../repositories/audit-pages.js';
import { activeConsentsOfMember, insertConsent, revokeConsent } from '../repositories/member-consents.js';
import type { ServiceDeps } from './deps.js';
import { auditActor, type Actor } from './practice-context.js';

const notFound = () =>
  new AppError('not_found', 'consent_not_found', 'This consent is not yours or was revoked already.');

const publicConsent = ({ clinicianId: _, ...c }: Consent & { clinicianId: string }): Consent => c;

/** The member's side of consent: who follows them, with what scope, and who has seen their data. */
export function consentService({ db, clock }: ServiceDeps) {
  return {
    async list(user: User): Promise<Consent[]> {
      return (await activeConsentsOfMember(db, user.id)).map(publicConsent);
    },

    /** A new scope: the standing row is revoked and a new one added, so the history keeps both. */
    async setScope(id: string, shareNotes: boolean, actor: Actor): Promise<Consent> {
      return db.transaction(async (tx) => {
        const [current] = await activeConsentsOfMember(tx, actor.user.id, { id, lock: true });
        if (!current) throw notFound();
        if (current.shareNotes === shareNotes) return publicConsent(current);
        const now = clock.now();
        await revokeConsent(tx, actor.user.id, current.clinicianId, now);
        const newId = await insertConsent(tx, {
          memberId: actor.user.id,
          clinicianId: current.clinicianId,
          shareNotes,
          now,
        });
        await appendAudit(tx, {
          memberId: actor.user.id,
          actor: auditActor(actor),
          action: 'consent.scope',
          detail: { clinician: current.clinician.email, shareNotes },
          clientAddress: actor.clientAddress,
          at: now,
        });
        return { id: newId, clinician: current.clinician, shareNotes, grantedAt: now.toISOString() };
      });
    },

    /** Takes effect at once: every clinician read checks the consent in its own transaction. */
    async revoke(id: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const [current] = await activeConsentsOfMember(tx, actor.user.id, { id, lock: true });
        if (!current) throw notFound();
        const now = clock.now();
        await revokeConsent(tx, actor.user.id, current.clinicianId, now);
        await appendAudit(tx, {
          memberId: actor.user.id,
          actor: auditActor(actor),
          action: 'consent.revoke',
          detail: { clinician: current.clinician.email },
          clientAddress: actor.clientAddress,
          at: now,
        });
      });
    },

    audit(user: User, page: AuditPageRequest) {
      return memberAuditPage(db, user.id, page);
    },
  };
}

export type ConsentService = ReturnType<typeof consentService>;
