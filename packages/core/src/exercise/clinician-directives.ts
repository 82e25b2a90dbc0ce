/**
 * What a member's clinician has changed in their programme, as inputs to the progression rules and
 * the daily plan. The clinician's changes are a log (oldest first); `clinicianDirectives` folds it
 * into what holds now, keeping the time span of every hold so a replay of the history is the same
 * on any day.
 *
 * - Hold at a level: the member does not move up past that level of that variant while the hold
 *   lasts; a member above it is brought down to it. Stepping back for pain still happens (a hold
 *   never keeps anyone at a level that hurts). Released by a release, or by a new hold.
 * - Floor version: `withheld` keeps the member on the chair whatever their own readiness;
 *   `allowed` opens it before the member's own unlock. Neither touches screening or the safety
 *   pause: those block the whole plan before the variant is even chosen (daily-plan.ts).
 * - Extra stress practice: a daily calm-down breathing item on the plan, as the STarT Back
 *   high-risk pathway adds.
 * - Message: words for the member; it changes no rule.
 */
import type { LocalDate } from '../time/local-date.js';
import type { ExerciseVariant } from './variants.js';

export type FloorSetting = 'allowed' | 'withheld';

/** One change, as stored (the contract's body, without who made it). */
export type ProgrammeChangeInput =
  | { readonly kind: 'hold_level'; readonly variant: ExerciseVariant; readonly level: number }
  | { readonly kind: 'release_hold' }
  | { readonly kind: 'floor'; readonly setting: FloorSetting | 'member' }
  | { readonly kind: 'stress_item'; readonly on: boolean }
  | { readonly kind: 'message'; readonly text: string };

export interface DatedProgrammeChange {
  /** The member's calendar date when it was made. */
  readonly date: LocalDate;
  readonly change: ProgrammeChangeInput;
}

export interface LevelHold {
  readonly variant: ExerciseVariant;
  readonly level: number;
  /** The member's date it was made: sessions on and after it are held. */
  readonly from: LocalDate;
  /** The member's date it was released (sessions from then on are free again), or null while on. */
  readonly until: LocalDate | null;
}

export interface ClinicianDirectives {
  /** Every hold, oldest first; at most the last one is open. */
  readonly holds: readonly LevelHold[];
  /** The floor version as the clinician set it, or null for the member's own readiness. */
  readonly floor: FloorSetting | null;
  /** The member's date the floor setting was made (null with no setting). */
  readonly floorSince: LocalDate | null;
  readonly extraStressPractice: boolean;
}

export const NO_DIRECTIVES: ClinicianDirectives = {
  holds: [],
  floor: null,
  floorSince: null,
  extraStressPractice: false,
};

/** Folds the change log, oldest first, into what holds now. */
export function clinicianDirectives(changes: readonly DatedProgrammeChange[]): ClinicianDirectives {
  const holds: LevelHold[] = [];
  let floor: FloorSetting | null = null;
  let floorSince: LocalDate | null = null;
  let extraStressPractice = false;
  const closeOpenHold = (date: LocalDate) => {
    const last = holds.at(-1);
    if (last && last.until === null) holds[holds.length - 1] = { ...last, until: date };
  };
  for (const { date, change } of changes) {
    switch (change.kind) {
      case 'hold_level':
        closeOpenHold(date);
        holds.push({ variant: change.variant, level: change.level, from: date, until: null });
        break;
      case 'release_hold':
        closeOpenHold(date);
        break;
      case 'floor':
        floor = change.setting === 'member' ? null : change.setting;
        floorSince = floor === null ? null : date;
        break;
      case 'stress_item':
        extraStressPractice = change.on;
        break;
      case 'message':
        break;
    }
  }
  return { holds, floor, floorSince, extraStressPractice };
}

/** The level a hold keeps `variant` at on `date`, or null when none applies. */
export function heldLevelOn(
  holds: readonly LevelHold[],
  variant: ExerciseVariant,
  date: LocalDate,
): number | null {
  const h = holds.find(
    (x) => x.variant === variant && x.from <= date && (x.until === null || date < x.until),
  );
  return h ? h.level : null;
}

/** The level an open hold keeps `variant` at from now on, or null. */
export function openHold(holds: readonly LevelHold[], variant: ExerciseVariant): number | null {
  return holds.find((x) => x.variant === variant && x.until === null)?.level ?? null;
}
