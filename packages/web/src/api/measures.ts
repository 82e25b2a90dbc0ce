import {
  draftResponseSchema,
  dueResponseSchema,
  insightsResponseSchema,
  instrumentsResponseSchema,
  progressResponseSchema,
  responseEnvelopeSchema,
  weeklyResponseSchema,
  type InstrumentId,
  type QuestionnaireResponseBody,
} from '@hipwise/core';
import { EXPORT_URL } from './endpoints';
import { requestEmpty, requestJson } from './http';

/** Typed calls for questionnaires, progress, insights and exports. */
export const measuresApi = {
  instruments: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/measures/instruments', instrumentsResponseSchema, { signal })).data
      .instruments,
  due: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/measures/due', dueResponseSchema, { signal })).data,
  draft: async (instrumentId: InstrumentId, signal?: AbortSignal) =>
    (
      await requestJson('GET', `/api/measures/responses/drafts/${instrumentId}`, draftResponseSchema, {
        signal,
      })
    ).data.draft,
  /**
   * Saves answers: onto `id` when given, else onto this instrument's unfinished response (or a new
   * one). Finishing needs `idempotencyKey`, the same for every retry of that one submission.
   */
  save: async (
    body: QuestionnaireResponseBody,
    opts: { id?: string | undefined; idempotencyKey?: string } = {},
  ) =>
    (
      await requestJson(
        opts.id ? 'PUT' : 'POST',
        opts.id ? `/api/measures/responses/${opts.id}` : '/api/measures/responses',
        responseEnvelopeSchema,
        { body, ...(opts.idempotencyKey ? { headers: { 'Idempotency-Key': opts.idempotencyKey } } : {}) },
      )
    ).data,
  discard: (id: string) => requestEmpty('DELETE', `/api/measures/responses/${id}`),
  progress: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/measures/progress', progressResponseSchema, { signal })).data,
  insights: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/measures/insights', insightsResponseSchema, { signal })).data,
  weekly: async (date: string | undefined, signal?: AbortSignal) =>
    (
      await requestJson(
        'GET',
        `/api/measures/weekly${date ? `?date=${encodeURIComponent(date)}` : ''}`,
        weeklyResponseSchema,
        { signal },
      )
    ).data,
};

/** Downloads are plain links: the browser fetches them with the session cookie and saves the file. */
export const EXPORTS = {
  csv: (measure: string) => `/api/measures/export/${measure}.csv`,
  fhir: '/api/measures/export/fhir',
  json: EXPORT_URL,
} as const;
