import type { CheckinPoint } from '@hipwise/core';
import { formatShortDate } from '../../lib/dates';

/** Every check-in as numbers, newest first: the chart's data for anyone who cannot or would rather not read it. */
export function HistoryTable({ history }: { readonly history: readonly CheckinPoint[] }) {
  return (
    <details className="history-table">
      <summary>Show the numbers as a table</summary>
      <table>
        <caption>Your check-ins, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Pain</th>
            <th scope="col">Stress</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((c) => (
            <tr key={c.date}>
              <th scope="row">
                <time dateTime={c.date}>{formatShortDate(c.date)}</time>
              </th>
              <td>{c.pain}</td>
              <td>{c.stress}</td>
              <td>{c.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
