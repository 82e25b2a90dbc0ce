import {
  breakEventsResponse,
  breakSettingsResponse,
  breakStatsResponse,
  type BreakSettingsInput,
  type StoredBreakEvent,
} from '@hipwise/core';
import { requestJson } from './http';

/** The sitting coach's calls; responses are checked against the core contract. */
export const sittingApi = {
  settings: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/break-settings', breakSettingsResponse, signal ? { signal } : {})).data,
  saveSettings: async (body: BreakSettingsInput) =>
    (await requestJson('PUT', '/api/break-settings', breakSettingsResponse, { body })).data,
  /** Safe to retry as is: the server stores each event once, whatever the batch. */
  postEvents: async (events: readonly StoredBreakEvent[]) =>
    (await requestJson('POST', '/api/break-events', breakEventsResponse, { body: { events } })).data,
  stats: async (weeks: number, signal?: AbortSignal) =>
    (
      await requestJson(
        'GET',
        `/api/break-stats?weeks=${weeks}`,
        breakStatsResponse,
        signal ? { signal } : {},
      )
    ).data,
};
