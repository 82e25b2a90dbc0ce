/**
 * Sentences of lesson 6 that state the progression rules. Built from the rule table itself, so the
 * lesson cannot drift from what the plan actually does.
 */
import {
  CHAIR_LEVEL_TO_UNLOCK_FLOOR,
  GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR,
  GOOD_DAYS_TO_ADVANCE,
  levelsOf,
  type ProgressionLevel,
} from '../exercise/progression.js';
import { PAIN_RISE_POINTS } from '../exercise/session-record.js';
import { NBSP, plural } from '../text/units.js';

const holds = (l: ProgressionLevel | undefined) =>
  l ? `${plural(l.sets, 'hold')} of ${plural(l.holdSeconds, 'second')}` : '';

const chair = levelsOf('chair');
const floor = levelsOf('floor');
const step = (chair[1]?.holdSeconds ?? 0) - (chair[0]?.holdSeconds ?? 0);

export const PROGRESSION_SUMMARY = `You start with ${holds(chair[0])}. After ${GOOD_DAYS_TO_ADVANCE}${NBSP}good sessions on different days, each hold grows by ${plural(step, 'second')}, up to ${holds(chair.at(-1))}.`;

export const GOOD_SESSION_SUMMARY = `A good session means every hold held for its full time, and pain afterwards no more than ${plural(PAIN_RISE_POINTS - 1, 'point')} higher than before. A session that hurts takes you back one step.`;

const unlockLevel = chair.find((l) => l.level === CHAIR_LEVEL_TO_UNLOCK_FLOOR);

/** When the floor version unlocks, in one sentence (lesson 6, the Programme and session pages). */
export const FLOOR_UNLOCK_RULE = `The floor version unlocks once you have had ${GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR}${NBSP}good chair sessions on different days and reached chair level${NBSP}${CHAIR_LEVEL_TO_UNLOCK_FLOOR} (${holds(unlockLevel)}).`;

export const FLOOR_UNLOCK_SUMMARY = `${FLOOR_UNLOCK_RULE} It starts again at ${holds(floor[0])} and grows to ${holds(floor.at(-1))}. You can also choose to stay on the chair.`;
