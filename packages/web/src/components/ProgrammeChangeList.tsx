import type { ProgrammeChange } from '@hipwise/core';
import { APP_LOCALE } from '../lib/dates';

const when = new Intl.DateTimeFormat(APP_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });

/** One change in plain words, as the member reads it. */
export function changeWords(c: ProgrammeChange['change']): string {
  switch (c.kind) {
    case 'hold_level':
      return `Kept you at ${c.variant} level ${c.level}: you will not move up past it until they release it.`;
    case 'release_hold':
      return 'Released the hold on your level: you move up again as your sessions go well.';
    case 'floor':
      return c.setting === 'allowed'
        ? 'Allowed the floor version of the boat pose.'
        : c.setting === 'withheld'
          ? 'Asked you to stay on the chair version for now.'
          : 'Left the floor version to your own progress again.';
    case 'stress_item':
      return c.on
        ? 'Added a daily calm-down breathing practice to your plan.'
        : 'Took the extra daily breathing practice off your plan.';
    case 'message':
      return `Wrote: “${c.text}”`;
  }
}

/** Changes a clinician made to a programme, each with who made it and when, newest first. */
export function ProgrammeChangeList({ changes }: { readonly changes: readonly ProgrammeChange[] }) {
  return (
    <ul className="programme-changes" aria-label="Changes by your clinician, newest first">
      {changes.map((c) => (
        <li key={c.id}>
          {changeWords(c.change)}
          <br />
          <span className="muted">
            {c.clinicianEmail}, {when.format(new Date(c.createdAt))}
          </span>
        </li>
      ))}
    </ul>
  );
}
