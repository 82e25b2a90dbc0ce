/**
 * The six sitting rules of the method, in our own words, with a
 * line on why each helps. Used by lesson 4, the daily plan's sitting goals and break reminders.
 * Ids are stable: other records refer to them, so never rename or reuse one.
 */
export interface SittingRule {
  readonly id: string;
  /** Short imperative, fits on one line of a reminder. */
  readonly title: string;
  readonly why: string;
}

export const SITTING_RULES = [
  {
    id: 'feet-flat',
    title: 'Keep both feet flat on the floor.',
    why: 'Your legs then carry some of your weight and your pelvis has a steady base.',
  },
  {
    id: 'sit-forward',
    title: 'Sit a little forward, ahead of your hips.',
    why: 'Sitting up on the front of your sit bones lets the spine stack on the pelvis instead of slumping.',
  },
  {
    id: 'standing-desk',
    title: 'Stand to work for part of the day if you can.',
    why: 'Standing opens the hips, so the hip flexors are not held short for hours.',
  },
  {
    id: 'walking-breaks',
    title: 'Get up for a short walk often.',
    why: 'Each walk stretches the front of the hips out again and breaks up long spells of sitting.',
  },
  {
    id: 'no-leaning-back',
    title: 'Do not lean back into the backrest.',
    why: 'Leaning back lets the pelvis roll and the lower back round, with the hips still bent.',
  },
  {
    id: 'no-reaching-forward',
    title: 'Do not reach forward from the back of the chair.',
    why: 'Reaching from far back strains the lower back; move the chair in, or move yourself forward.',
  },
] as const satisfies readonly SittingRule[];

export type SittingRuleId = (typeof SITTING_RULES)[number]['id'];
export const SITTING_RULE_IDS: readonly SittingRuleId[] = SITTING_RULES.map((r) => r.id);
