import { INSTRUMENTS } from '@hipwise/core';
import { useCallback } from 'react';
import { Link } from 'wouter';
import { useLoad } from '../../lib/use-load';
import { measuresApi } from '../../api';

/**
 * Questionnaires due today, on the Today page. Renders nothing when none is due or
 * started, and nothing while loading or on failure: it is a reminder, not the page's purpose.
 */
export function DueCard() {
  const load = useCallback((signal: AbortSignal) => measuresApi.due(signal), []);
  const { state } = useLoad(load);
  if (state.status !== 'ready') return null;
  const { due, inProgress } = state.data;
  const started = new Set(inProgress.map((p) => p.instrumentId));
  const todo = due.filter((d) => !started.has(d.instrumentId));
  if (todo.length === 0 && inProgress.length === 0) return null;
  return (
    <section className="card" aria-labelledby="due-title" data-testid="due-card">
      <h2 id="due-title">Questionnaires for today</h2>
      <p>A few minutes each; they show whether the method is working for you.</p>
      <ul>
        {inProgress.map((p) => (
          <li key={p.id}>
            <Link href={`/progress/questionnaires/${p.instrumentId}`}>
              Finish {INSTRUMENTS[p.instrumentId].name}
            </Link>{' '}
            ({p.answered} of {p.total} answered)
          </li>
        ))}
        {todo.map((d) => (
          <li key={d.instrumentId}>
            <Link href={`/progress/questionnaires/${d.instrumentId}`}>
              {INSTRUMENTS[d.instrumentId].name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
