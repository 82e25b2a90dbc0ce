/**
 * The method's rules of thumb for calming the stress response, in our own words. Used by lesson 5 and by stress-related prompts. These are life habits the
 * method suggests, not therapy; ids are stable.
 */
export interface StressRule {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export const STRESS_RULES = [
  {
    id: 'simplify',
    title: 'Simplify',
    text: 'Fewer commitments and fewer moving parts leave fewer things to brace against.',
  },
  {
    id: 'own-less',
    title: 'Own less',
    text: 'Every possession asks for some care and attention. Keeping less frees both.',
  },
  {
    id: 'your-happiness-first',
    title: 'Put your own well-being first',
    text: 'Looking after yourself is not selfish: you cannot look after anyone well while running on empty.',
  },
  {
    id: 'weigh-opinions',
    title: 'Weigh other opinions by how much they matter to you',
    text: 'Some people’s views deserve your attention; most do not deserve your worry.',
  },
  {
    id: 'your-life',
    title: 'It is your life to live',
    text: 'Choices made to please others tend to leave you tense. Make the ones you can stand behind.',
  },
  {
    id: 'live-and-let-live',
    title: 'Learn to live and let live',
    text: 'Other people’s choices are theirs to make. Letting them be, instead of fighting every one, leaves you less to brace against.',
  },
] as const satisfies readonly StressRule[];

export type StressRuleId = (typeof STRESS_RULES)[number]['id'];
export const STRESS_RULE_IDS: readonly StressRuleId[] = STRESS_RULES.map((r) => r.id);
