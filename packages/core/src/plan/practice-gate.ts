import { EXERCISE_VARIANT_IDS, type ExerciseVariant } from '../exercise/variants.js';

/** What the practice page needs to know, all from GET /api/progression and GET /api/plan. */
export interface PracticeGateInput<Block> {
  /** Why sessions are withheld (screening, safety pause), or null: the same block sessions obey. */
  readonly block: Block | null;
  /** The user stopped a session for pain today (the plan's exercise item advises rest). */
  readonly restToday: boolean;
  readonly floorUnlocked: boolean;
  /** The variant the programme has the user on now. */
  readonly variant: ExerciseVariant;
  /** The current hold length of each variant. */
  readonly holdSeconds: Readonly<Record<ExerciseVariant, number>>;
}

export type PracticeGate<Block> =
  | { readonly kind: 'blocked'; readonly block: Block }
  | { readonly kind: 'rest' }
  | {
      readonly kind: 'open';
      /** The versions that may be practised: the floor only once unlocked. */
      readonly variants: readonly ExerciseVariant[];
      readonly initial: ExerciseVariant;
      readonly holdSeconds: Readonly<Record<ExerciseVariant, number>>;
    };

/**
 * Practice with the camera obeys the same locks as a session: nothing while the screening or a
 * safety pause withholds the programme, rest after a stop for pain today, the floor version only
 * once unlocked, and holds of the user's current length, never longer.
 */
export function practiceGate<Block>(input: PracticeGateInput<Block>): PracticeGate<Block> {
  if (input.block !== null) return { kind: 'blocked', block: input.block };
  if (input.restToday) return { kind: 'rest' };
  const variants = EXERCISE_VARIANT_IDS.filter((v) => v === 'chair' || input.floorUnlocked);
  return {
    kind: 'open',
    variants,
    initial: variants.includes(input.variant) ? input.variant : 'chair',
    holdSeconds: input.holdSeconds,
  };
}
