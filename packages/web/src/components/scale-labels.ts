/** End labels for the scales hipwise asks itself (PEG brings its own in PEG_ITEMS). */
export const PAIN_ENDS = { low: 'No pain', high: 'Worst pain you can imagine' } as const;
export const STRESS_ENDS = { low: 'Not stressed at all', high: 'As stressed as you can imagine' } as const;
