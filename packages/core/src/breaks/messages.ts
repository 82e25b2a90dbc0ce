import type { ReminderKind } from './types.js';

/**
 * Short action texts for reminders: what to do, in a line a notification can show whole.
 * Sitting-rule wording is not here: it comes from the program content as `ruleTexts`. A no-break
 * space keeps each number with its unit (the in-app toast shows these too).
 */
export function reminderText(
  kind: ReminderKind,
  minutes: { breakMinutes: number; microSeconds: number },
): string {
  switch (kind) {
    case 'walk':
      return `Time to get up: walk for ${minutes.breakMinutes}\u00a0min, to the window and back, or fetch some water.`;
    case 'micro':
      return `Posture reset, ${minutes.microSeconds}\u00a0seconds: one sitting rule at a time.`;
    case 'stand':
      return 'Time to stand: raise your desk and carry on standing.';
    case 'sit':
      return 'You have stood a good while: sit down for a spell, feet flat, a little forward.';
  }
}

/** The six sitting rules are numbered 1..6 in the method; micro breaks refer to them by number. */
export const SITTING_RULE_NUMBERS = [1, 2, 3, 4, 5, 6] as const;
