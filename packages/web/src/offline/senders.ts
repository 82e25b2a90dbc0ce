import type {
  CheckinBody,
  ExerciseSessionBody,
  OutboxKind,
  QuestionnaireResponseBody,
  StoredBreakEvent,
  StressSessionBody,
} from '@hipwise/core';
import { api, measuresApi, programApi, sittingApi, stressApi } from '../api';

/** The finishing submission of a questionnaire: onto the response `id` when the page had one. */
export interface QuestionnairePayload {
  readonly body: QuestionnaireResponseBody;
  readonly id?: string | undefined;
}

/**
 * The API call behind each kind of write that may wait on the device. Every one is safe to send
 * again: the first four carry the Idempotency-Key the server keeps with the write; break events
 * have no key because the server stores each event once by what it is (kind, time, details).
 */
export const SENDERS = {
  checkin: (body: CheckinBody, key: string) => api.saveCheckin(body, key),
  'exercise-session': (body: ExerciseSessionBody, key: string) => programApi.saveSession(body, key),
  'stress-session': (body: StressSessionBody, key: string) => stressApi.saveSession(body, key),
  questionnaire: (p: QuestionnairePayload, key: string) =>
    measuresApi.save(p.body, { id: p.id, idempotencyKey: key }),
  'break-events': (events: readonly StoredBreakEvent[]) => sittingApi.postEvents(events),
} satisfies Record<OutboxKind, (payload: never, key: string) => Promise<unknown>>;

export type Payload<K extends OutboxKind> = Parameters<(typeof SENDERS)[K]>[0];
export type Answer<K extends OutboxKind> = Awaited<ReturnType<(typeof SENDERS)[K]>>;

export function send<K extends OutboxKind>(
  kind: K,
  payload: Payload<K>,
  key: string | null,
): Promise<Answer<K>> {
  // One call per kind; TypeScript cannot follow the pairing of `kind` and `payload` through the map.
  const call = SENDERS[kind] as (p: Payload<K>, k: string) => Promise<Answer<K>>;
  return call(payload, key ?? '');
}

/**
 * What the user is shown for an item the server refused: what it was (with the verb that agrees
 * with it) and where to look at it.
 */
export const KIND_WORDS: Record<
  OutboxKind,
  { readonly what: string; readonly was: 'was' | 'were'; readonly review: string }
> = {
  checkin: { what: 'Check-in', was: 'was', review: '/today' },
  'exercise-session': { what: 'Exercise session', was: 'was', review: '/program' },
  'stress-session': { what: 'Breathing session', was: 'was', review: '/stress' },
  questionnaire: { what: 'Questionnaire answers', was: 'were', review: '/progress' },
  'break-events': { what: 'Break events', was: 'were', review: '/sitting' },
};
