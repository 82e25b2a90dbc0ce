import { setsOfHolds, type CaseloadFlag, type CaseloadMember } from '@hipwise/core';

export const FLAG_WORDS: Record<CaseloadFlag, string> = {
  screening_not_clear: 'Screening not clear',
  safety_pause: 'Safety pause',
  stopped_for_pain: 'Stopped for pain',
  pain_rising: 'Pain rising',
  no_activity_7_days: 'No activity for 7 days',
};

export function levelWords(l: CaseloadMember['level']): string {
  const base = `${l.variant === 'chair' ? 'Chair' : 'Floor'} ${l.level} (${setsOfHolds(l.sets, l.holdSeconds)})`;
  return l.heldAt === null ? base : `${base}, held at ${l.heldAt}`;
}

const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

/** A change since the start in a few words, or why there is no verdict. */
export function changeShort(c: CaseloadMember['pain']): string {
  if (!c || c.delta === null) return '–';
  const verdict = c.tooEarly
    ? 'too early'
    : c.meaningful
      ? c.direction === 'better'
        ? 'better'
        : 'worse'
      : 'no clear change';
  return `${signed(c.delta)} (${verdict})`;
}
