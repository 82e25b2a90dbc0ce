import {
  localDate,
  mondayOf,
  type Reflection,
  type ReflectionBody,
  type StressOverview,
  type StressSession,
  type StressSessionBody,
} from '@hipwise/core';
import { findReflection, upsertReflection } from '../repositories/reflections.js';
import { insertStressSession, recentStressSessions } from '../repositories/stress-sessions.js';
import type { User } from '@hipwise/core';
import type { ServiceDeps } from './deps.js';
import { once, type Outcome } from './idempotent-write.js';
import { recordedTime } from './recorded-time.js';

const RECENT_SESSIONS = 20;

/** Calm-down practice sessions and the weekly rule-of-thumb reflection. */
export function stressService({ db, clock }: ServiceDeps) {
  return {
    async overview(user: User): Promise<StressOverview> {
      const date = localDate(clock.now(), user.timeZone);
      const weekStart = mondayOf(date);
      const [reflection, recentSessions] = await Promise.all([
        findReflection(db, user.id, weekStart),
        recentStressSessions(db, user.id, RECENT_SESSIONS),
      ]);
      return { date, weekStart, reflection, recentSessions };
    },

    /** Stores a finished (or stopped) practice once per idempotency key. */
    async record(
      user: User,
      body: StressSessionBody,
      idempotencyKey: string,
    ): Promise<Outcome<{ session: StressSession }>> {
      const now = clock.now();
      return once(
        db,
        { userId: user.id, key: idempotencyKey, request: body, now, what: 'practice session' },
        async (tx) => {
          const endedAt = recordedTime(body.recordedAt, now, 'breathing session', user.timeZone);
          const session = await insertStressSession(tx, {
            userId: user.id,
            day: localDate(endedAt, user.timeZone),
            body,
            now: endedAt,
          });
          return { status: 201, body: { session } };
        },
      );
    },

    /** This week's rule of thumb (re-saving replaces it; a new week starts a new one). */
    async reflect(user: User, body: ReflectionBody): Promise<Outcome<{ reflection: Reflection }>> {
      const now = clock.now();
      const weekStart = mondayOf(localDate(now, user.timeZone));
      const { reflection, created } = await upsertReflection(db, { userId: user.id, weekStart, body, now });
      return { status: created ? 201 : 200, body: { reflection } };
    },
  };
}

export type StressService = ReturnType<typeof stressService>;
