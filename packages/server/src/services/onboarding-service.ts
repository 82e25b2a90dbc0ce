import {
  pegScore,
  triage,
  type Baseline,
  type BaselineBody,
  type ScreeningBody,
  type Screening,
} from '@hipwise/core';
import { findBaseline, upsertBaseline } from '../repositories/baselines.js';
import { insertScreening, latestScreening } from '../repositories/screenings.js';
import type { ServiceDeps } from './deps.js';

/** Red-flag screening and the baseline measures taken before the programme starts. */
export function onboardingService({ db, clock }: ServiceDeps) {
  return {
    async screen(userId: string, body: ScreeningBody): Promise<Screening> {
      return insertScreening(db, {
        userId,
        answers: body.answers,
        outcome: triage(body.answers),
        now: clock.now(),
      });
    },

    latestScreening: (userId: string) => latestScreening(db, userId),

    async saveBaseline(userId: string, body: BaselineBody): Promise<Baseline> {
      return upsertBaseline(db, { userId, body, pegScore: pegScore(body.peg), now: clock.now() });
    },

    baseline: (userId: string) => findBaseline(db, userId),
  };
}

export type OnboardingService = ReturnType<typeof onboardingService>;
