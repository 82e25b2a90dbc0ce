import { addDays, localDate, type Checkin, type CheckinBody, type LocalDate, type Today } from '@hipwise/core';
import { checkinsBetween, upsertCheckin } from '../repositories/checkins.js';
import { todayData } from '../repositories/today.js';
import { publicUser, type UserWithHash } from '../repositories/users.js';
import type { ServiceDeps } from './deps.js';
import { once } from './idempotent-write.js';

export const HISTORY_DAYS = 90;

export interface CheckinResult {
  status: 200 | 201;
  body: { checkin: Checkin };
}

export function checkinService({ db, clock }: ServiceDeps) {
  return {
    /**
     * Records today's check-in (one a day; a second one the same day replaces the first).
     * The idempotency key and the write commit together, so a retry never writes twice and
     * always gets the first answer.
     */
    async record(user: UserWithHash, body: CheckinBody, idempotencyKey: string): Promise<CheckinResult> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        return once(tx, { userId: user.id, key: idempotencyKey, request: body, now, what: 'check-in' }, async () => {
          const day = localDate(now, user.timeZone);
          const { checkin, created } = await upsertCheckin(tx, { userId: user.id, day, body, now });
          return { status: created ? 201 : 200, body: { checkin } };
        });
      });
    },

    between: (userId: string, from: LocalDate, to: LocalDate) => checkinsBetween(db, userId, from, to),

    /** Everything the Today page shows. */
    async today(user: UserWithHash): Promise<Today> {
      const date = localDate(clock.now(), user.timeZone);
      const { screening, baseline, history } = await todayData(db, user.id, addDays(date, -(HISTORY_DAYS - 1)), date);
      const last = history.at(-1);
      return {
        date,
        user: publicUser(user),
        screening,
        baseline,
        checkin: last?.date === date ? last : null,
        history,
      };
    },
  };
}

export type CheckinService = ReturnType<typeof checkinService>;
