import { EARLIEST_CLAIM_DAY, MIN_PAIN_RATINGS, type ChangeDto } from '@hipwise/core';
import { changeSentence, measureName } from './wording';
import { plural } from '../../lib/units';

/** Change since baseline per measure, with a badge when it passes the published threshold. */
export function ChangeList({ changes }: { readonly changes: readonly ChangeDto[] }) {
  return (
    <section className="card" aria-labelledby="change-title">
      <h2 id="change-title">Change since you started</h2>
      {changes.length === 0 ? (
        <p className="empty">
          Nothing to compare yet. After a few daily check-ins and your next questionnaires, you will see here
          how each measure has moved since your start.
        </p>
      ) : (
        <ul className="change-list">
          {changes.map((c) => (
            <li key={c.measure} data-testid={`change-${c.measure}`}>
              <p className="change-head">
                <strong>{measureName(c.measure)}</strong>{' '}
                {c.tooEarly && <span className="badge badge-neutral">Too early to tell</span>}
                {c.meaningful === true && (
                  <span className={`badge badge-${c.direction === 'better' ? 'good' : 'bad'}`}>
                    {c.direction === 'better' ? 'Meaningful improvement' : 'Meaningful worsening'}
                  </span>
                )}
              </p>
              <p>{changeSentence(c)}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        Thresholds: pain and PEG {plural(2, 'point')} or 30% (Farrar et al., 2001); Roland-Morris{' '}
        {plural(5, 'point')} or 30% (Ostelo et al., 2008). No change is called meaningful before day{' '}
        {EARLIEST_CLAIM_DAY} of your programme, and pain is compared as the average of at least{' '}
        {plural(MIN_PAIN_RATINGS, 'daily rating')} in the last {plural(7, 'day')}
        against your average for the week before you started. Lower is better on every measure here.
      </p>
    </section>
  );
}
