import {
  caseloadResponseSchema,
  clinicianMemberResponseSchema,
  programmeChangeSchema,
  programmeChangesResponseSchema,
  type ProgrammeChangeBody,
} from '@hipwise/core';
import { z } from 'zod';
import { requestJson } from './http';

/** Caseload filters and paging, as the server's query string takes them. */
export interface CaseloadParams {
  readonly sort: string;
  readonly order?: 'asc' | 'desc';
  readonly flag?: string;
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

function query(p: CaseloadParams): string {
  const s = new URLSearchParams({ sort: p.sort, page: String(p.page), pageSize: String(p.pageSize) });
  if (p.order) s.set('order', p.order);
  if (p.flag) s.set('flag', p.flag);
  if (p.q) s.set('q', p.q);
  return s.toString();
}

/** The clinician's calls, and the member's list of changes made to their programme. */
export const clinicianApi = {
  caseload: async (p: CaseloadParams, signal?: AbortSignal) =>
    (await requestJson('GET', `/api/clinician/caseload?${query(p)}`, caseloadResponseSchema, { signal }))
      .data,
  member: async (id: string, signal?: AbortSignal) =>
    (
      await requestJson(
        'GET',
        `/api/clinician/members/${encodeURIComponent(id)}`,
        clinicianMemberResponseSchema,
        {
          signal,
        },
      )
    ).data,
  /** `idempotencyKey` is the same for retries of one change, so the server stores it once. */
  change: async (id: string, body: ProgrammeChangeBody, idempotencyKey: string) =>
    (
      await requestJson(
        'POST',
        `/api/clinician/members/${encodeURIComponent(id)}/changes`,
        z.object({ change: programmeChangeSchema }),
        { body, headers: { 'Idempotency-Key': idempotencyKey } },
      )
    ).data.change,
  exportUrl: (id: string) => `/api/clinician/members/${encodeURIComponent(id)}/export/fhir`,
  myChanges: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/me/programme-changes', programmeChangesResponseSchema, { signal })).data
      .changes,
};
