import { Hono, type Context } from 'hono';
import {
  acceptInvitationBody,
  auditPageQuery,
  consentScopeBody,
  createInvitationBody,
  instanceSettingsBody,
  invitationCodeSchema,
} from '@hipwise/core';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';
import { requireRole } from '../http/roles.js';
import { jsonBody, queryParams } from '../http/validate.js';
import type { AdminService } from '../services/admin-service.js';
import type { ConsentService } from '../services/consent-service.js';
import { invitationNotFound, type InvitationService } from '../services/invitation-service.js';
import type { Actor } from '../services/practice-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const actorOf = (c: Context<AppEnv>, trustProxy: boolean): Actor => ({
  user: c.get('user'),
  clientAddress: clientAddress(c, trustProxy),
});

/** A code that cannot be one of ours is answered as an unknown one. */
function codeParam(c: Context<AppEnv>): string {
  const parsed = invitationCodeSchema.safeParse(c.req.param('code'));
  if (!parsed.success) throw invitationNotFound();
  return parsed.data;
}

function consentId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) {
    throw new AppError('not_found', 'consent_not_found', 'This consent is not yours or was revoked already.');
  }
  return id;
}

/** /api/admin: the instance's settings, clinician invitations and audit log. Admins only. */
export function adminRoutes(admin: AdminService, invitations: InvitationService, trustProxy: boolean) {
  return new Hono<AppEnv>()
    .use('*', requireRole('admin'))
    .get('/settings', async (c) => c.json({ settings: await admin.settings() }))
    .put('/settings', async (c) =>
      c.json({
        settings: await admin.changeSettings(await jsonBody(c, instanceSettingsBody), actorOf(c, trustProxy)),
      }),
    )
    .get('/invitations', async (c) => c.json({ invitations: await admin.clinicianInvitations() }))
    .post('/invitations', async (c) => {
      const { email } = await jsonBody(c, createInvitationBody);
      const invitation = await invitations.create('clinician', email, actorOf(c, trustProxy));
      return c.json({ invitation }, 201);
    })
    .get('/audit', async (c) => c.json(await admin.audit(queryParams(c, auditPageQuery))));
}

/** /api/invitations: a clinician invites a member; anyone signed in opens and accepts a code. */
export function invitationRoutes(invitations: InvitationService, trustProxy: boolean) {
  return new Hono<AppEnv>()
    .post('/', requireRole('clinician'), async (c) => {
      const { email } = await jsonBody(c, createInvitationBody);
      const invitation = await invitations.create('member', email, actorOf(c, trustProxy));
      return c.json({ invitation }, 201);
    })
    .get('/:code', async (c) =>
      c.json({ invitation: await invitations.preview(codeParam(c), actorOf(c, trustProxy)) }),
    )
    .post('/:code/accept', async (c) => {
      const code = codeParam(c);
      const body = await jsonBody(c, acceptInvitationBody);
      return c.json(await invitations.accept(code, body, actorOf(c, trustProxy)));
    });
}

/** /api/me/consents and /api/me/audit: the member's clinicians and who has seen the member's data. */
export function consentRoutes(consents: ConsentService, trustProxy: boolean) {
  return new Hono<AppEnv>()
    .get('/consents', async (c) => c.json({ consents: await consents.list(c.get('user')) }))
    .patch('/consents/:id', async (c) => {
      const id = consentId(c);
      const { shareNotes } = await jsonBody(c, consentScopeBody);
      return c.json({ consent: await consents.setScope(id, shareNotes, actorOf(c, trustProxy)) });
    })
    .delete('/consents/:id', async (c) => {
      await consents.revoke(consentId(c), actorOf(c, trustProxy));
      return c.body(null, 204);
    })
    .get('/audit', async (c) => c.json(await consents.audit(c.get('user'), queryParams(c, auditPageQuery))));
}
