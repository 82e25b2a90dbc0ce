import { createHash } from 'node:crypto';
import { addDays, localDate, type Checkin, type CheckinBody, type LocalDate, type Today } from '@hipwise/core';
import { AppError } from '../errors.js';
import { findBaseline } from '../repositories/baselines.js';
import { checkinsBetween, upsertCheckin } from '../repositories/checkins.js';
import { claimIdempotencyKey, storeIdempotentResponse } from '../repositories/idempotency-keys.js';
import { latestScreening } from '../repositories/screenings.js';
import { publicUser, type UserWithHash } from '../repositories/users.js';
import type { ServiceDeps } from './deps.js';

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
      const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      return db.transaction(async (tx) => {
        const now = clock.now();
        const earlier = await claimIdempotencyKey(tx, { userId: user.id, key: idempotencyKey, requestHash, now });
        if (earlier) {
          if (earlier.requestHash !== requestHash) {
            throw new AppError(
              'validation',
              'idempotency_key_reused',
              'This Idempotency-Key was already used for a different check-in. Send a new key for a new check-in.',
            );
          }
          return { status: earlier.status as 200 | 201, body: earlier.response as { checkin: Checkin } };
        }
        const day = localDate(now, user.timeZone);
        const { checkin, created } = await upsertCheckin(tx, { userId: user.id, day, body, now });
        const result: CheckinResult = { status: created ? 201 : 200, body: { checkin } };
        await storeIdempotentResponse(tx, { userId: user.id, key: idempotencyKey, ...result, response: result.body });
        return result;
      });
    },

    between: (userId: string, from: LocalDate, to: LocalDate) => checkinsBetween(db, userId, from, to),

    /** Everything the Today page shows. */
    async today(user: UserWithHash): Promise<Today> {
      const date = localDate(clock.now(), user.timeZone);
      const [screening, baseline, history] = await Promise.all([
        latestScreening(db, user.id),
        findBaseline(db, user.id),
        checkinsBetween(db, user.id, addDays(date, -(HISTORY_DAYS - 1)), date),
      ]);
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
