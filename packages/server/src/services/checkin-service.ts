import { addDays, localDate, type Checkin, type CheckinBody, type LocalDate, type User } from '@hipwise/core';
import { checkinsBetween, upsertCheckinUnderKey } from '../repositories/checkins.js';
import { todayData } from '../repositories/today.js';
import type { ServiceDeps } from './deps.js';
import { earlierAnswer, requestHash } from './idempotent-write.js';
import { recordedTime } from './recorded-time.js';

export const HISTORY_DAYS = 90;

export interface CheckinResult {
  status: 200 | 201;
  body: { checkin: Checkin };
}

export function checkinService({ db, clock }: ServiceDeps) {
  return {
    /**
     * Records the check-in of the day it was made (`recordedAt`, else now): one a day, a later one
     * the same day replaces it (see `upsertCheckinUnderKey` for one sent late). The idempotency
     * key and the write commit together, so a retry never writes twice and always gets the first
     * answer.
     */
    async record(user: User, body: CheckinBody, idempotencyKey: string): Promise<CheckinResult> {
      const now = clock.now();
      const k = { userId: user.id, key: idempotencyKey, request: body, now, what: 'check-in' };
      const hash = requestHash(body);
      try {
        // Inside the try: a retry of a stored check-in gets its answer even when it has grown too old.
        const at = recordedTime(body.recordedAt, now, 'check-in', user.timeZone);
        const day = localDate(at, user.timeZone);
        const { checkin, created } = await upsertCheckinUnderKey(db, {
          ...k,
          at,
          day,
          body,
          requestHash: hash,
        });
        return { status: created ? 201 : 200, body: { checkin } };
      } catch (err) {
        return earlierAnswer(db, k, hash, err);
      }
    },

    between: (userId: string, from: LocalDate, to: LocalDate) => checkinsBetween(db, userId, from, to),

    /**
     * Everything the Today page shows, as the JSON text of a `Today`. The history arrives from the
     * database as JSON text and is spliced in as it is (see repositories/today.ts).
     */
    async todayJson(user: User): Promise<string> {
      const date = localDate(clock.now(), user.timeZone);
      const { historyJson, screening, baseline, checkin } = await todayData(
        db,
        user.id,
        addDays(date, -(HISTORY_DAYS - 1)),
        date,
      );
      const rest = JSON.stringify({ date, user, screening, baseline, checkin });
      return `${rest.slice(0, -1)},"history":${historyJson}}`;
    },
  };
}

export type CheckinService = ReturnType<typeof checkinService>;
