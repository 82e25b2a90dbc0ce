import type { Point } from '@hipwise/core';
import { useMemo } from 'react';
import uPlot from 'uplot';
import type { SeriesColour } from '../../components/chart-palette';
import { UPlotChart, type ChartSpec } from '../../components/UPlotChart';
import { chartTime, formatShortDate } from '../../lib/dates';

const DAY = 86_400;

export interface Series {
  readonly label: string;
  readonly points: readonly Point[];
  readonly colour: SeriesColour;
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
  const chart = useMemo((): ChartSpec | null => {
    const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
    const first = dates[0];
    const last = dates.at(-1);
    if (!first || !last) return null;
    const data: uPlot.AlignedData = [
      dates.map(chartTime),
      ...series.map((s) => {
        const byDate = new Map(s.points.map((p) => [p.date, p.value]));
        return dates.map((d) => byDate.get(d) ?? null);
      }),
    ];
    const from = chartTime(first) - DAY * 2;
    const to = chartTime(last) + DAY * 2;
    const options: ChartSpec['options'] = (width, height, palette) => ({
      width,
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: false, y: false } },
      legend: { live: false, show: series.length > 1 },
      scales: { x: { time: true, range: () => [from, to] }, y: { range: () => [range[0], range[1]] } },
      axes: [
        {
          stroke: palette.axis,
          grid: { stroke: palette.grid },
          values: (_u, splits) =>
            splits.map((ts) => formatShortDate(new Date(ts * 1000).toISOString().slice(0, 10))),
        },
        { stroke: palette.axis, grid: { stroke: palette.grid } },
      ],
      series: [
        { label: 'Date' },
        ...series.map((s) => ({
          label: s.label,
          stroke: palette.series[s.colour],
          width: 2.5,
          spanGaps: true,
          ...(s.dash ? { dash: s.dash } : {}),
          points: { show: true, size: 9, fill: palette.series[s.colour] },
        })),
      ],
    });
    return { data, options };
  }, [series, range]);

  return <UPlotChart chart={chart} height={200} minWidth={260} />;
}
