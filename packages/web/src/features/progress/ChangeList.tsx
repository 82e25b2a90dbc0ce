import type { ChangeDto } from '@hipwise/core';
import { changeSentence, measureName } from './wording';

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
        Thresholds: pain 2 points or 30% (Farrar et al., 2001); Roland-Morris 5 points. Lower is better on
        every measure here.
      </p>
    </section>
  );
}
