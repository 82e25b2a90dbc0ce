import type { Point } from '@hipwise/core';
import { useMemo } from 'react';
import { formatShortDate } from '../../lib/dates';
import { MeasureChart, type Series } from './MeasureChart';

interface MeasureSectionProps {
  readonly id: string;
  readonly title: string;
  readonly series: readonly Series[];
  readonly range: readonly [number, number];
  /** What the numbers mean, e.g. "0 no pain to 10 worst imaginable; lower is better". */
  readonly scale: string;
  readonly empty: string;
}

function latest(points: readonly Point[]): string {
  const last = points.at(-1);
  return last ? `latest ${last.value} on ${formatShortDate(last.date)}` : 'none yet';
}

/** A chart with a text summary and a table of the same numbers, or an empty state. */
export function MeasureSection({ id, title, series, range, scale, empty }: MeasureSectionProps) {
  const stable = useMemo(() => series, [series]);
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort().reverse();
  const count = series.reduce((n, s) => n + s.points.length, 0);
  return (
    <section className="card measure" aria-labelledby={`${id}-title`} data-testid={`measure-${id}`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="hint">{scale}</p>
      {count === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <figure className="chart-figure">
          <MeasureChart series={stable} range={range} />
          <figcaption className="chart-summary">
            {series
              .map(
                (s) =>
                  `${s.label}: ${s.points.length} ${s.points.length === 1 ? 'entry' : 'entries'}, ${latest(s.points)}.`,
              )
              .join(' ')}
          </figcaption>
          <details className="history-table">
            <summary>Show the numbers as a table</summary>
            <table>
              <caption>{title}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  {series.map((s) => (
                    <th scope="col" key={s.label}>
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {dates.map((d) => (
                  <tr key={d}>
                    <th scope="row">
                      <time dateTime={d}>{formatShortDate(d)}</time>
                    </th>
                    {series.map((s) => (
                      <td key={s.label}>{s.points.find((p) => p.date === d)?.value ?? '–'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      )}
    </section>
  );
}
