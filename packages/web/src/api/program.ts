import {
  dailyPlanSchema,
  exerciseSessionResultSchema,
  exerciseSessionsResponseSchema,
  lessonReadResponseSchema,
  lessonsResponseSchema,
  programPrefsResponseSchema,
  progressionResponseSchema,
  type ExerciseSessionBody,
  type LessonId,
  type ProgramPrefs,
} from '@hipwise/core';
import { requestJson } from './http';

/** The programme's calls, each answer checked against core's schema. */
export const programApi = {
  plan: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/plan', dailyPlanSchema, { signal })).data,
  lessons: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/lessons', lessonsResponseSchema, { signal })).data,
  markRead: async (id: LessonId) =>
    (await requestJson('PUT', `/api/lessons/${id}/read`, lessonReadResponseSchema)).data.lesson,
  unmarkRead: async (id: LessonId) =>
    (await requestJson('DELETE', `/api/lessons/${id}/read`, lessonReadResponseSchema)).data.lesson,
  progression: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/progression', progressionResponseSchema, { signal })).data,
  savePrefs: async (prefs: ProgramPrefs) =>
    (await requestJson('PUT', '/api/program/prefs', programPrefsResponseSchema, { body: prefs })).data.prefs,
  sessions: async (signal?: AbortSignal) =>
    (await requestJson('GET', '/api/exercise-sessions?limit=100', exerciseSessionsResponseSchema, { signal }))
      .data.sessions,
  /** `idempotencyKey` must be the same for retries of one session so the server stores it once. */
  saveSession: async (body: ExerciseSessionBody, idempotencyKey: string) =>
    (
      await requestJson('POST', '/api/exercise-sessions', exerciseSessionResultSchema, {
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      })
    ).data,
};
