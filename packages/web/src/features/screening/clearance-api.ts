import { clearanceSchema, clearancesResponseSchema, type ClearanceBody } from '@hipwise/core';
import { z } from 'zod';
import { requestJson } from '../../api/http';

const one = z.object({ clearance: clearanceSchema });

/** Clinicians' clearances, each answer checked against core's schema. */
export const clearanceApi = {
  list: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/clearances', clearancesResponseSchema, { signal })).data.clearances,
  /** `idempotencyKey` must be the same for retries of one submission so the server stores it once. */
  record: async (body: ClearanceBody, idempotencyKey: string) =>
    (
      await requestJson('POST', '/api/clearances', one, {
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      })
    ).data.clearance,
  withdraw: async (id: string) => (await requestJson('DELETE', `/api/clearances/${id}`, one)).data.clearance,
};
