/**
 * PEG: Pain, Enjoyment of life, General activity. Three 0-10 items; the score is their mean.
 * Krebs EE et al. J Gen Intern Med 2009;24(6):733-738 (public domain).
 */
export interface PegAnswers {
  /** Average pain in the past week, 0 (none) to 10 (as bad as you can imagine). */
  readonly pain: number;
  /** How much pain interfered with enjoyment of life, 0-10. */
  readonly enjoyment: number;
  /** How much pain interfered with general activity, 0-10. */
  readonly activity: number;
}

/** Mean of the three items, rounded to one decimal as the instrument reports it. */
export function pegScore(a: PegAnswers): number {
  return Math.round(((a.pain + a.enjoyment + a.activity) / 3) * 10) / 10;
}

export const PEG_ITEMS: ReadonlyArray<{ key: keyof PegAnswers; text: string; low: string; high: string }> = [
  {
    key: 'pain',
    text: 'What number best describes your pain on average in the past week?',
    low: 'No pain',
    high: 'Pain as bad as you can imagine',
  },
  {
    key: 'enjoyment',
    text: 'What number best describes how, during the past week, pain has interfered with your enjoyment of life?',
    low: 'Does not interfere',
    high: 'Completely interferes',
  },
  {
    key: 'activity',
    text: 'What number best describes how, during the past week, pain has interfered with your general activity?',
    low: 'Does not interfere',
    high: 'Completely interferes',
  },
];
