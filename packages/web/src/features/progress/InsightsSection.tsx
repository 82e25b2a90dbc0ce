import type { InsightsResponse } from '@hipwise/core';
import { plural } from '../../lib/units';

const TITLES: Record<InsightsResponse['relationships'][number]['id'], string> = {
  stress_same_day: 'Pain and stress on the same day',
  sitting_previous_day: 'Pain and sitting the day before',
  breaks_previous_day: 'Pain and breaks the day before',
  exercise_previous_day: 'Pain after exercise days',
};

/** Patterns in the user's own records, each with the days behind it and honest wording. */
export function InsightsSection({ insights }: { readonly insights: InsightsResponse }) {
  return (
    <section className="card" aria-labelledby="insights-title">
      <h2 id="insights-title">Patterns in your records</h2>
      <p className="hint">
        From your own last {plural(90, 'day')} ({plural(insights.daysWithData, 'day')} with records). We say
        nothing until at least {plural(14, 'day')} of data back a pattern, and a pattern is not proof of
        cause.
      </p>
      <ul className="insight-list">
        {insights.relationships.map((r) => (
          <li key={r.id} data-testid={`insight-${r.id}`}>
            <p className="change-head">
              <strong>{TITLES[r.id]}</strong>{' '}
              <span className="badge badge-neutral">
                {r.pairedDays} of {plural(r.minimumDays, 'day')}
              </span>
            </p>
            <p>{r.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
