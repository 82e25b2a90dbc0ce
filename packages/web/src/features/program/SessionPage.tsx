import {
  dailyPlanSchema,
  progressionResponseSchema,
  EXERCISE_VARIANTS,
  FLOOR_UNLOCK_RULE,
  exerciseVariantSchema,
  type ExerciseVariant,
} from '@hipwise/core';
import { useCallback } from 'react';
import { Link } from 'wouter';
import { useLoad } from '../../lib/use-load';
import { useMe } from '../auth/session';
import { withLastSeen } from '../../offline/last-seen';
import { usePageTitle } from '../../lib/use-page-title';
import { BlockNotice } from './BlockNotice';
import { GuidedSession } from './GuidedSession';
import { programApi } from '../../api';
import { browserClock } from './session-clock';
import { LoadStatus } from '../../components/LoadStatus';

/** /program/session/:variant: checks the programme allows a session now, then guides it. */
export function SessionPage({ variant: raw }: { readonly variant: string }) {
  const parsed = exerciseVariantSchema.safeParse(raw);
  const variant: ExerciseVariant | null = parsed.success ? parsed.data : null;
  const name = variant ? EXERCISE_VARIANTS[variant].name : 'Exercise not found';
  usePageTitle(name);
  const { user } = useMe();
  // Without hipwise, a session can still run on what this device last saw; it is saved later.
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [progression, plan] = await Promise.all([
        withLastSeen(user.id, 'progression', progressionResponseSchema, () => programApi.progression(signal)),
        withLastSeen(user.id, 'plan', dailyPlanSchema, () => programApi.plan(signal)),
      ]);
      return { progression: progression.data, plan: plan.data };
    },
    [user.id],
  );
  const { state, reload } = useLoad(load);

  if (!variant) {
    return (
      <>
        <h1>Exercise not found</h1>
        <p>
          There is no such exercise. <Link href="/">Back to your programme</Link>
        </p>
      </>
    );
  }
  const heading = <h1>{name}</h1>;
  if (state.status !== 'ready') {
    return (
      <>
        {heading}
        <LoadStatus state={state} retry={reload} what="your session" loading="Getting your session ready…" />
      </>
    );
  }
  const { progression, plan } = state.data;
  if (progression.block) {
    return (
      <>
        {heading}
        <BlockNotice block={progression.block} />
        <p>
          <Link href="/">Back to your programme</Link>
        </p>
      </>
    );
  }
  if (variant === 'floor' && !progression.progression.floorUnlocked) {
    return (
      <>
        {heading}
        <p className="empty">
          {FLOOR_UNLOCK_RULE} You have {progression.progression.goodChairDays} good chair days so far, and
          have reached chair level {progression.progression.byVariant.chair.highestLevel}.
        </p>
        <p className="button-row">
          <Link className="button primary" href="/session/chair">
            Do the chair version
          </Link>
          <Link href="/">Back to your programme</Link>
        </p>
      </>
    );
  }
  const level = progression.progression.byVariant[variant].level;
  const exercise = plan.status === 'ready' ? plan.items.find((i) => i.kind === 'exercise') : undefined;
  const restAdvised = exercise?.kind === 'exercise' && exercise.restAdvised;
  return (
    <>
      {heading}
      <GuidedSession
        plan={{
          variant,
          sets: level.sets,
          holdSeconds: level.holdSeconds,
          stepCount: EXERCISE_VARIANTS[variant].steps.length,
        }}
        restAdvised={restAdvised}
        clock={browserClock}
      />
    </>
  );
}
