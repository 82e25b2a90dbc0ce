import type { Point } from '@hipwise/core';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartTime, formatShortDate } from '../../lib/dates';

const DAY = 86_400;
const HEIGHT = 200;

export interface Series {
  readonly label: string;
  readonly points: readonly Point[];
  readonly colour: string;
  readonly dash?: number[];
}

/**
 * One or two measures over time on a fixed scale (the instrument's range). Hidden from assistive
 * technology: the table beside each chart carries the same numbers.
 */
export function MeasureChart({
  series,
  range,
}: {
  readonly series: readonly Series[];
  readonly range: readonly [number, number];
}) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
    const first = dates[0];
    const last = dates.at(-1);
    if (!el || !first || !last) return;
    const xs = dates.map(chartTime);
    const data: uPlot.AlignedData = [
      xs,
      ...series.map((s) => {
        const byDate = new Map(s.points.map((p) => [p.date, p.value]));
        return dates.map((d) => byDate.get(d) ?? null);
      }),
    ];
    const from = chartTime(first) - DAY * 2;
    const to = chartTime(last) + DAY * 2;
    const opts: uPlot.Options = {
      width: Math.max(el.clientWidth, 260),
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: false, y: false } },
      legend: { live: false, show: series.length > 1 },
      scales: { x: { time: true, range: () => [from, to] }, y: { range: () => [range[0], range[1]] } },
      axes: [
        {
          stroke: '#333',
          grid: { stroke: '#e4e4e4' },
          values: (_u, splits) =>
            splits.map((ts) => formatShortDate(new Date(ts * 1000).toISOString().slice(0, 10))),
        },
        { stroke: '#333', grid: { stroke: '#e4e4e4' } },
      ],
      series: [
        { label: 'Date' },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.colour,
          width: 2.5,
          spanGaps: true,
          ...(s.dash ? { dash: s.dash } : {}),
          points: { show: true, size: 9, fill: s.colour },
        })),
      ],
    };
    const chart = new uPlot(opts, data, el);
    const observer = new ResizeObserver(() => {
      const width = Math.max(el.clientWidth, 260);
      if (width !== chart.width) chart.setSize({ width, height: HEIGHT });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [series, range]);

  return <div ref={box} className="chart" aria-hidden="true" />;
}
