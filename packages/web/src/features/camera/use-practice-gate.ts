import { practiceGate, type PlanBlockJson, type PracticeGate } from '@hipwise/core';
import { useCallback } from 'react';
import { useLoad } from '../../lib/use-load';
import { programApi } from '../../api';

export type PracticeGateState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string; readonly retry: () => void }
  | PracticeGate<PlanBlockJson>;

/**
 * Whether practice holds may start, and at what length: read from the same progression and plan
 * the session page obeys (screening block, safety pause, rest after a stop for pain, floor unlock).
 */
export function usePracticeGate(): PracticeGateState {
  const load = useCallback(async (signal: AbortSignal) => {
    const [progression, plan] = await Promise.all([programApi.progression(signal), programApi.plan(signal)]);
    const p = progression.progression;
    const exercise = plan.status === 'ready' ? plan.items.find((i) => i.kind === 'exercise') : undefined;
    return practiceGate({
      block: progression.block,
      restToday: exercise?.kind === 'exercise' && exercise.restAdvised && !exercise.done,
      floorUnlocked: p.floorUnlocked,
      variant: p.variant,
      holdSeconds: { chair: p.byVariant.chair.level.holdSeconds, floor: p.byVariant.floor.level.holdSeconds },
    });
  }, []);
  const { state, reload } = useLoad(load);
  if (state.status === 'loading') return { kind: 'loading' };
  if (state.status === 'failed') return { kind: 'failed', message: state.message, retry: reload };
  return state.data;
}
