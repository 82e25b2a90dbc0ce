import type { InstanceSettings, InstanceSettingsBody } from '@hipwise/core';
import { appendAudit } from '../repositories/audit-log.js';
import { instanceAuditPage, type AuditPageRequest } from '../repositories/audit-pages.js';
import { readInstanceSettings, writeInstanceSettings } from '../repositories/instance-settings.js';
import { listInvitations } from '../repositories/invitations.js';
import type { ServiceDeps } from './deps.js';
import { auditActor, type Actor } from './practice-context.js';

/** What an admin runs. Nothing here reads health data: being an admin shows nobody's. */
export function adminService({ db, clock }: ServiceDeps) {
  return {
    settings: (): Promise<InstanceSettings> => readInstanceSettings(db),

    async changeSettings(body: InstanceSettingsBody, actor: Actor): Promise<InstanceSettings> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const current = await readInstanceSettings(tx);
        const next: InstanceSettings = {
          signupPolicy: body.signupPolicy ?? current.signupPolicy,
          localSignIn: body.localSignIn ?? current.localSignIn,
        };
        await writeInstanceSettings(tx, next, now);
        await appendAudit(tx, {
          memberId: null,
          actor: auditActor(actor),
          action: 'policy.change',
          detail: { signupPolicy: next.signupPolicy, localSignIn: next.localSignIn },
          clientAddress: actor.clientAddress,
          at: now,
        });
        return next;
      });
    },

    clinicianInvitations: () => listInvitations(db, { kind: 'clinician' }, 100),

    audit: (page: AuditPageRequest) => instanceAuditPage(db, page),
  };
}

export type AdminService = ReturnType<typeof adminService>;
