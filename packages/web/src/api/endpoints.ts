import {
  baselineResponseSchema,
  checkinResponseSchema,
  meSchema,
  instanceSchema,
  screeningResponseSchema,
  todaySchema,
  userResponseSchema,
  type BaselineBody,
  type ChangePasswordBody,
  type CheckinBody,
  type DeleteAccountBody,
  type LoginBody,
  type Me,
  type ScreeningBody,
  type SettingsBody,
  type SignupBody,
} from '@hipwise/core';
import { requestEmpty, requestJson } from './http';

export type { Me };

export const api = {
  signup: async (body: SignupBody) =>
    (await requestJson('POST', '/api/auth/signup', userResponseSchema, { body })).data.user,
  login: async (body: LoginBody) =>
    (await requestJson('POST', '/api/auth/login', userResponseSchema, { body })).data.user,
  logout: () => requestEmpty('POST', '/api/auth/logout'),
  logoutEverywhere: () => requestEmpty('POST', '/api/auth/logout-everywhere'),

  me: async (signal?: AbortSignal) => (await requestJson('GET', '/api/me', meSchema, { signal })).data,
  instance: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/instance', instanceSchema, { signal })).data,
  updateSettings: async (body: SettingsBody) =>
    (await requestJson('PATCH', '/api/me/settings', userResponseSchema, { body })).data.user,
  changePassword: (body: ChangePasswordBody) => requestEmpty('POST', '/api/me/password', { body }),
  deleteAccount: (body: DeleteAccountBody) => requestEmpty('DELETE', '/api/me', { body }),

  submitScreening: async (body: ScreeningBody) =>
    (await requestJson('POST', '/api/screenings', screeningResponseSchema, { body })).data.screening,
  saveBaseline: async (body: BaselineBody) =>
    (await requestJson('PUT', '/api/baseline', baselineResponseSchema, { body })).data.baseline,

  today: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/today', todaySchema, { signal })).data,
  /** `idempotencyKey` must be the same for retries of one submission so the server saves it once. */
  saveCheckin: async (body: CheckinBody, idempotencyKey: string) => {
    const { status, data } = await requestJson('POST', '/api/checkins', checkinResponseSchema, {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    return { checkin: data.checkin, created: status === 201 };
  },
};

/** Export is a plain download: the browser follows the link with the session cookie. */
export const EXPORT_URL = '/api/me/export';
