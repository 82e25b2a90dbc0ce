import { SITTING_RULES, type SittingPosture, type SittingRuleId } from '@hipwise/core';

/** How each sitting class is named on screen, and the sitting rule (program §2) it breaks. */
const WORDS: Readonly<Record<SittingPosture, { label: string; ruleId: SittingRuleId | undefined }>> = {
  upright: { label: 'Upright', ruleId: undefined },
  leaning_back: { label: 'Leaning back', ruleId: 'no-leaning-back' },
  slouching: { label: 'Slouching or reaching forward', ruleId: 'no-reaching-forward' },
  feet_not_flat: { label: 'Feet not flat', ruleId: 'feet-flat' },
};

export interface PostureWords {
  readonly label: string;
  /** The broken rule with its number as the program counts them (1-6); undefined when upright. */
  readonly rule: { readonly number: number; readonly title: string; readonly why: string } | undefined;
}

export function postureWords(posture: SittingPosture): PostureWords {
  const { label, ruleId } = WORDS[posture];
  if (ruleId === undefined) return { label, rule: undefined };
  const index = SITTING_RULES.findIndex((r) => r.id === ruleId);
  const rule = SITTING_RULES[index];
  if (rule === undefined) throw new Error(`no sitting rule ${ruleId}`);
  return { label, rule: { number: index + 1, title: rule.title, why: rule.why } };
}
