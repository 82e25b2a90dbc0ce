import { localDate, planBlock, type Clearance, type ClearanceBody } from '@hipwise/core';
import { AppError } from '../errors.js';
import { allClearances, insertClearance, revokeClearance } from '../repositories/clearances.js';
import { latestScreening } from '../repositories/screenings.js';
import type { User } from '@hipwise/core';
import type { ServiceDeps } from './deps.js';
import { once } from './idempotent-write.js';
import { readPlanInput } from './program-service.js';

const notFound = () => new AppError('not_found', 'clearance_not_found', 'There is no such clearance.');

/**
 * "A clinician has cleared me to exercise" (clinical.md): recorded against the latest screening,
 * never changing its answers; withdrawn, not deleted, so the record stays whole.
 */
export function clearanceService({ db, clock }: ServiceDeps) {
  return {
    list: (user: User): Promise<Clearance[]> => allClearances(db, user.id),

    /**
     * Records a clearance when something waits for one: a "see a clinician soon" or "same day"
     * screening, or a safety pause. Never for an emergency: that is left only by a new screening.
     */
    async record(user: User, body: ClearanceBody, idempotencyKey: string): Promise<Clearance> {
      const now = clock.now();
      const k = {
        userId: user.id,
        key: idempotencyKey,
        request: { kind: 'clearance', body },
        now,
        what: 'clearance',
      };
      const result = await once(db, k, async (tx) => {
        const today = localDate(now, user.timeZone);
        if (body.clearedOn > today) {
          throw new AppError(
            'validation',
            'cleared_on_in_future',
            'The date you were cleared cannot be after today.',
            {
              clearedOn: 'cannot be after today',
            },
          );
        }
        const screening = await latestScreening(tx, user.id);
        if (!screening) {
          throw new AppError('conflict', 'screening_missing', 'Answer the safety questions first.');
        }
        if (screening.outcome === 'emergency') {
          throw new AppError(
            'conflict',
            'clearance_not_for_emergency',
            'After an emergency result only a new screening can unlock the programme: once those signs have gone, answer the safety questions again.',
          );
        }
        // Only the block matters here, and the STarT Back pathway never blocks.
        const block = planBlock(await readPlanInput(tx, user, today, false));
        if (screening.outcome === 'clear' && block?.code !== 'safety_pause') {
          throw new AppError(
            'conflict',
            'nothing_to_clear',
            'Nothing is waiting for a clinician’s clearance: your safety questions found nothing and the programme is not paused.',
          );
        }
        // A check before the last painful session says nothing about it, so it could lift nothing.
        if (
          screening.outcome === 'clear' &&
          block?.code === 'safety_pause' &&
          body.clearedOn <= block.pause.lastStop
        ) {
          const message = `must be after your last painful session, on ${block.pause.lastStop}`;
          throw new AppError('validation', 'cleared_before_pause', `The date you were cleared ${message}.`, {
            clearedOn: message,
          });
        }
        const clearance = await insertClearance(tx, {
          userId: user.id,
          screeningId: screening.id,
          clearedOn: body.clearedOn,
          note: body.note && body.note.length > 0 ? body.note : null,
          now,
        });
        return { status: 201 as const, body: clearance };
      });
      return result.body;
    },

    /** Withdraws a clearance: it unlocks nothing from now on. Withdrawing twice is the same as once. */
    async withdraw(user: User, id: string): Promise<Clearance> {
      const found = await revokeClearance(db, user.id, id, clock.now());
      if (!found) throw notFound();
      return found;
    },
  };
}

export type ClearanceService = ReturnType<typeof clearanceService>;
