import {
  reflectionResponseSchema,
  stressOverviewSchema,
  stressSessionResponseSchema,
  type ReflectionBody,
  type StressSessionBody,
} from '@hipwise/core';
import { requestJson } from './http';

export const stressApi = {
  overview: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/stress', stressOverviewSchema, { signal })).data,
  /** `idempotencyKey` stays the same for retries of one session so it is stored once. */
  saveSession: async (body: StressSessionBody, idempotencyKey: string) =>
    (
      await requestJson('POST', '/api/stress/sessions', stressSessionResponseSchema, {
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      })
    ).data.session,
  saveReflection: async (body: ReflectionBody) =>
    (await requestJson('PUT', '/api/stress/reflection', reflectionResponseSchema, { body })).data.reflection,
};
