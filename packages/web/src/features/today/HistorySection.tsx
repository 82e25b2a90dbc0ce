import type { CheckinPoint, LocalDate } from '@hipwise/core';
import { HistoryChart } from './HistoryChart';
import { historySummary } from './history-summary';
import { HistoryTable } from './HistoryTable';

export function HistorySection({
  history,
  today,
}: {
  readonly history: readonly CheckinPoint[];
  readonly today: LocalDate;
}) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Pain and stress over time</h2>
      {history.length === 0 ? (
        <p className="empty">
          No check-ins yet. Once you save your first one, it appears here, and day by day you will see how
          your pain and stress change.
        </p>
      ) : (
        <figure className="chart-figure">
          <HistoryChart history={history} today={today} />
          <figcaption id="history-summary" className="chart-summary">
            {historySummary(history, today)}
          </figcaption>
          <HistoryTable history={history} />
        </figure>
      )}
    </section>
  );
}
