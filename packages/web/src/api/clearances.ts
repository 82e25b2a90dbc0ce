import { clearanceResponseSchema, clearancesResponseSchema, type ClearanceBody } from '@hipwise/core';
import { requestJson } from './http';

/** Clinicians' clearances, each answer checked against core's schema. */
export const clearanceApi = {
  list: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/clearances', clearancesResponseSchema, { signal })).data.clearances,
  /** `idempotencyKey` must be the same for retries of one submission so the server stores it once. */
  record: async (body: ClearanceBody, idempotencyKey: string) =>
    (
      await requestJson('POST', '/api/clearances', clearanceResponseSchema, {
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      })
    ).data.clearance,
  withdraw: async (id: string) =>
    (await requestJson('DELETE', `/api/clearances/${id}`, clearanceResponseSchema)).data.clearance,
};
