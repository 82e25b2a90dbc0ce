/**
 * Progression of the boat pose: which variant and how many sets of how many seconds.
 *
 * The rules, in words (the README quotes this):
 *
 *   Level   Chair (everyone starts here)   Floor (after unlock)
 *     1     3 x 10 s                       3 x 10 s
 *     2     3 x 15 s                       3 x 15 s
 *     3     3 x 20 s                       3 x 20 s
 *     4     3 x 25 s                       -
 *     5     3 x 30 s                       -
 *
 * - A session is "good" when it was not stopped early, every planned hold was held for its full
 *   time, and pain afterwards was not 2 or more points higher than before (0-10 scale).
 *   It is "painful" when it was stopped for pain, or pain afterwards was 2 or more points higher.
 *   Anything else (a hold cut short, stopped for another reason) is neutral and changes nothing.
 * - Advance: after 3 good sessions at the current level, on 3 different days, go up one level
 *   (+5 s per hold). Only sessions planned at least as hard as the current level count, so an
 *   easier extra session does not push anyone up. At the top level the count keeps running but
 *   nothing changes.
 * - Step back: any painful session steps back one level at once and the count starts again, but
 *   never below level 1 of that variant (a painful floor session does not send anyone back to the chair).
 * - Floor unlock: at least 6 good chair sessions on 6 different days (at any chair level) AND
 *   chair level 3 (3 x 20 s) reached at some point. Six good days alone can be six easy 10 s
 *   sessions; the floor adds balance to the same hold, so it waits until the chair holds have
 *   grown. Once unlocked it stays unlocked (a later step back on the chair does not re-lock it),
 *   and the plan moves to the floor version, level 1, unless the user chose to stay on the chair.
 *   Chair and floor keep separate levels, so switching back and forth loses nothing.
 *
 * Why these numbers: 3 x 10 s on the chair is the start the programme asks for. Counting
 * days rather than sessions keeps growth gradual even for someone who does several sessions a day.
 * The floor starts again at 10 s because it adds balance and lifts the trunk with no seat behind
 * it, so it is a harder pose at every hold time; +5 s per level then reaches 3 x 20 s in two steps.
 */
import type { LocalDate } from '../time/local-date.js';
import { byDateOldestFirst, classifySession, type ExerciseSessionRecord } from './session-record.js';
import type { ExerciseVariant } from './variants.js';
import {
  heldLevelOn,
  NO_DIRECTIVES,
  openHold,
  type ClinicianDirectives,
  type LevelHold,
} from './clinician-directives.js';

export interface ProgressionLevel {
  readonly variant: ExerciseVariant;
  /** 1-based within the variant. */
  readonly level: number;
  readonly sets: number;
  readonly holdSeconds: number;
}

/** The table above, as data. Ordered by variant, then level. */
export const PROGRESSION_TABLE: readonly ProgressionLevel[] = [
  { variant: 'chair', level: 1, sets: 3, holdSeconds: 10 },
  { variant: 'chair', level: 2, sets: 3, holdSeconds: 15 },
  { variant: 'chair', level: 3, sets: 3, holdSeconds: 20 },
  { variant: 'chair', level: 4, sets: 3, holdSeconds: 25 },
  { variant: 'chair', level: 5, sets: 3, holdSeconds: 30 },
  { variant: 'floor', level: 1, sets: 3, holdSeconds: 10 },
  { variant: 'floor', level: 2, sets: 3, holdSeconds: 15 },
  { variant: 'floor', level: 3, sets: 3, holdSeconds: 20 },
];

/** Good sessions (on different days) at a level before moving up. */
export const GOOD_DAYS_TO_ADVANCE = 3;
/** Good chair sessions on different days before the floor version unlocks. */
export const GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR = 6;
/** The chair level that must have been reached (at some point) before the floor version unlocks. */
export const CHAIR_LEVEL_TO_UNLOCK_FLOOR = 3;

/** The levels of one variant, lowest first. */
export function levelsOf(variant: ExerciseVariant): readonly ProgressionLevel[] {
  return PROGRESSION_TABLE.filter((l) => l.variant === variant);
}

function firstLevel(variant: ExerciseVariant): ProgressionLevel {
  const first = levelsOf(variant)[0];
  // The table is a constant with both variants; the tests pin that down.
  if (!first) throw new Error(`no progression levels for ${variant}`);
  return first;
}

export interface ProgressionPrefs {
  /** The user chose to keep doing the chair version even once the floor version is unlocked. */
  readonly stayOnChair: boolean;
}

export interface LevelChange {
  readonly kind: 'advanced' | 'stepped_back';
  /** Date of the session that caused it. */
  readonly date: LocalDate;
  readonly from: ProgressionLevel;
  readonly to: ProgressionLevel;
}

export interface VariantProgress {
  readonly level: ProgressionLevel;
  /** Good sessions at this level that count towards the next, at most one per day. */
  readonly goodSessionsAtLevel: number;
  /** How many more are needed to move up; null at the top level. */
  readonly goodSessionsToAdvance: number | null;
  readonly isTopLevel: boolean;
  /** The latest level change in this variant, for a "moved up" or "eased off" message. */
  readonly lastChange: LevelChange | null;
  /** The highest level ever reached in this variant (a step back does not lower it). */
  readonly highestLevel: number;
  /** The level a clinician holds this variant at now, or null (see clinician-directives.ts). */
  readonly heldAt: number | null;
}

export interface ProgressionState extends VariantProgress {
  /** The variant of the next session. */
  readonly variant: ExerciseVariant;
  readonly floorUnlocked: boolean;
  /** Days with a good chair session so far (counts towards the floor unlock). */
  readonly goodChairDays: number;
  /** The date of the session that unlocked the floor version, or null while it is locked. */
  readonly floorUnlockedOn: LocalDate | null;
  /** The floor version as the member's clinician set it, or null when the member's own readiness decides. */
  readonly floorSetting: ClinicianDirectives['floor'];
  /** Progress in each variant, whichever is current. */
  readonly byVariant: Readonly<Record<ExerciseVariant, VariantProgress>>;
}

/**
 * Replays one variant's sessions through the advance and step-back rules. `reachedOn` holds the
 * date each level above the first was first reached.
 */
function replayVariant(
  variant: ExerciseVariant,
  sessions: readonly ExerciseSessionRecord[],
  holds: readonly LevelHold[],
): { readonly progress: VariantProgress; readonly reachedOn: ReadonlyMap<number, LocalDate> } {
  const levels = levelsOf(variant);
  let index = 0;
  let goodDays = new Set<LocalDate>();
  let lastChange: LevelChange | null = null;
  let highest = 0;
  const reachedOn = new Map<number, LocalDate>();
  const at = (i: number): ProgressionLevel => levels[i] ?? firstLevel(variant);

  for (const s of sessions) {
    // A clinician's hold caps the level from the day it was made; one made below the member's
    // level brings them down to it, and the count towards the next level starts again.
    const held = heldLevelOn(holds, variant, s.date);
    const cap = held === null ? levels.length - 1 : Math.min(held, levels.length) - 1;
    if (index > cap) {
      index = cap;
      goodDays = new Set();
    }
    const current = at(index);
    const outcome = classifySession(s);
    if (outcome === 'painful') {
      if (index > 0) {
        index -= 1;
        lastChange = { kind: 'stepped_back', date: s.date, from: current, to: at(index) };
      }
      goodDays = new Set();
    } else if (
      outcome === 'good' &&
      s.plannedSets >= current.sets &&
      s.plannedHoldSeconds >= current.holdSeconds
    ) {
      goodDays.add(s.date);
      if (goodDays.size >= GOOD_DAYS_TO_ADVANCE && index < cap) {
        index += 1;
        lastChange = { kind: 'advanced', date: s.date, from: current, to: at(index) };
        if (index > highest) {
          highest = index;
          reachedOn.set(at(index).level, s.date);
        }
        goodDays = new Set();
      }
    }
  }

  const heldAt = openHold(holds, variant);
  if (heldAt !== null && index > heldAt - 1) {
    index = Math.max(0, Math.min(heldAt, levels.length) - 1);
    goodDays = new Set();
  }
  const isTopLevel = index === levels.length - 1;
  const atHold = heldAt !== null && index >= heldAt - 1;
  return {
    progress: {
      level: at(index),
      goodSessionsAtLevel: goodDays.size,
      goodSessionsToAdvance: isTopLevel || atHold ? null : Math.max(0, GOOD_DAYS_TO_ADVANCE - goodDays.size),
      isTopLevel,
      lastChange,
      highestLevel: at(highest).level,
      heldAt,
    },
    reachedOn,
  };
}

/**
 * Where the user stands: the variant and level of the next session, derived afresh from the whole
 * session history (any order; same-date sessions are taken in the order given) and the user's
 * preference. Pure: the same history always gives the same state.
 */
export function progressionState(
  history: readonly ExerciseSessionRecord[],
  prefs: ProgressionPrefs,
  clinician: ClinicianDirectives = NO_DIRECTIVES,
): ProgressionState {
  const sorted = byDateOldestFirst(history);
  const chairReplay = replayVariant(
    'chair',
    sorted.filter((s) => s.variant === 'chair'),
    clinician.holds,
  );
  const chair = chairReplay.progress;
  const floor = replayVariant(
    'floor',
    sorted.filter((s) => s.variant === 'floor'),
    clinician.holds,
  ).progress;
  const goodChairDates = [
    ...new Set(
      sorted.filter((s) => s.variant === 'chair' && classifySession(s) === 'good').map((s) => s.date),
    ),
  ];
  const goodChairDays = goodChairDates.length;
  const enoughDaysOn = goodChairDates[GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR - 1];
  const levelReachedOn = chairReplay.reachedOn.get(CHAIR_LEVEL_TO_UNLOCK_FLOOR);
  // Both conditions must hold, so the later of the two dates is the day it unlocked.
  const ownUnlockOn =
    enoughDaysOn !== undefined && levelReachedOn !== undefined
      ? enoughDaysOn > levelReachedOn
        ? enoughDaysOn
        : levelReachedOn
      : null;
  // The clinician's setting overrides the member's own readiness either way; the member's wish to
  // stay on the chair still stands.
  const allowedOn = clinician.floor === 'allowed' ? clinician.floorSince : null;
  const floorUnlockedOn =
    clinician.floor === 'withheld'
      ? null
      : ownUnlockOn !== null && (allowedOn === null || ownUnlockOn < allowedOn)
        ? ownUnlockOn
        : allowedOn;
  const floorUnlocked = floorUnlockedOn !== null;
  const variant: ExerciseVariant = floorUnlocked && !prefs.stayOnChair ? 'floor' : 'chair';
  const current = variant === 'floor' ? floor : chair;
  return {
    ...current,
    variant,
    floorUnlocked,
    goodChairDays,
    floorUnlockedOn,
    floorSetting: clinician.floor,
    byVariant: { chair, floor },
  };
}
