import {
  auditPageSchema,
  consentListSchema,
  consentSchema,
  instanceSettingsSchema,
  invitationPreviewSchema,
  newInvitationSchema,
  type InstanceSettingsBody,
} from '@hipwise/core';
import { z } from 'zod';
import { requestEmpty, requestJson } from './http';

const settingsResponse = z.object({ settings: instanceSettingsSchema });
const invitationResponse = z.object({ invitation: newInvitationSchema });
const previewResponse = z.object({ invitation: invitationPreviewSchema });
const consentResponse = z.object({ consent: consentSchema });
const acceptResponse = z.object({ user: z.object({ role: z.string() }) });

const auditPath = (base: string, before?: string) =>
  before === undefined ? base : `${base}?before=${encodeURIComponent(before)}`;

/** Roles, invitations, consent and the audit trail. */
export const practiceApi = {
  settings: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/admin/settings', settingsResponse, { signal })).data.settings,
  changeSettings: async (body: InstanceSettingsBody) =>
    (await requestJson('PUT', '/api/admin/settings', settingsResponse, { body })).data.settings,
  inviteClinician: async (email?: string) =>
    (
      await requestJson('POST', '/api/admin/invitations', invitationResponse, {
        body: email ? { email } : {},
      })
    ).data.invitation,
  instanceAudit: async (before?: string, signal?: AbortSignal) =>
    (await requestJson('GET', auditPath('/api/admin/audit', before), auditPageSchema, { signal })).data,

  inviteMember: async (email?: string) =>
    (await requestJson('POST', '/api/invitations', invitationResponse, { body: email ? { email } : {} })).data
      .invitation,
  preview: async (code: string, signal?: AbortSignal) =>
    (await requestJson('GET', `/api/invitations/${encodeURIComponent(code)}`, previewResponse, { signal }))
      .data.invitation,
  accept: async (code: string, shareNotes?: boolean) =>
    (
      await requestJson('POST', `/api/invitations/${encodeURIComponent(code)}/accept`, acceptResponse, {
        body: shareNotes === undefined ? {} : { shareNotes },
      })
    ).data.user,

  consents: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/me/consents', consentListSchema, { signal })).data.consents,
  setScope: async (id: string, shareNotes: boolean) =>
    (await requestJson('PATCH', `/api/me/consents/${id}`, consentResponse, { body: { shareNotes } })).data
      .consent,
  revoke: (id: string) => requestEmpty('DELETE', `/api/me/consents/${id}`),
  myAudit: async (before?: string, signal?: AbortSignal) =>
    (await requestJson('GET', auditPath('/api/me/audit', before), auditPageSchema, { signal })).data,
};
