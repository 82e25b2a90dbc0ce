import { addDays, type CheckinPoint, type LocalDate } from '@hipwise/core';
import { useMemo } from 'react';
import uPlot from 'uplot';
import type { ChartPalette } from '../../components/chart-palette';
import { UPlotChart, type ChartSpec } from '../../components/UPlotChart';
import { chartTime, formatShortDate } from '../../lib/dates';

const DAY = 86_400;

/** One tick per day at noon (where the points sit), thinned so labels never collide. */
function daySplits(u: uPlot, _axis: number, min: number, max: number): number[] {
  const first = Math.ceil((min - DAY / 2) / DAY) * DAY + DAY / 2;
  const days = Math.floor((max - first) / DAY) + 1;
  const step = Math.max(1, Math.ceil(days / Math.max(2, Math.floor(u.width / 80))));
  const out: number[] = [];
  // Count back from the last day so today always has a label.
  for (let t = first + (days - 1) * DAY; t >= first; t -= step * DAY) out.unshift(t);
  return out;
}

const dayLabel = (ts: number) => formatShortDate(new Date(ts * 1000).toISOString().slice(0, 10));

function options(
  width: number,
  height: number,
  palette: ChartPalette,
  today: LocalDate,
  first: LocalDate,
): uPlot.Options {
  // Always show at least a week ending today, so one point sits in context, not alone in a void.
  const from = chartTime(first < addDays(today, -6) ? first : addDays(today, -6)) - DAY / 2;
  const to = chartTime(today) + DAY / 2;
  // Pain and stress differ by colour, dash and point shape size, so they never rely on colour alone.
  const pain = palette.series.red;
  const stress = palette.series.blue;
  const axis = { stroke: palette.axis, grid: { stroke: palette.grid }, ticks: { stroke: palette.tick } };
  return {
    width,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { drag: { x: false, y: false } },
    // A fixed key; the hover read-out would show placeholder dashes most of the time.
    legend: { live: false },
    scales: {
      x: { time: true, range: () => [from, to] },
      y: { range: () => [0, 10] },
    },
    axes: [
      {
        ...axis,
        splits: daySplits,
        values: (_u, splits) => splits.map(dayLabel),
      },
      {
        ...axis,
        splits: () => [0, 2, 4, 6, 8, 10],
      },
    ],
    series: [
      { label: 'Date' },
      { label: 'Pain', stroke: pain, width: 2.5, points: { show: true, size: 10, fill: pain } },
      {
        label: 'Stress',
        stroke: stress,
        width: 2.5,
        dash: [8, 5],
        points: { show: true, size: 8, fill: palette.surface, stroke: stress, width: 2.5 },
      },
    ],
  };
}

interface HistoryChartProps {
  readonly history: readonly CheckinPoint[];
  readonly today: LocalDate;
}

/** Pain and stress over time. Decorative for assistive technology: the summary and table carry the data. */
export function HistoryChart({ history, today }: HistoryChartProps) {
  const chart = useMemo((): ChartSpec | null => {
    const first = history[0];
    if (!first) return null;
    return {
      options: (width, height, palette) => options(width, height, palette, today, first.date),
      data: [history.map((c) => chartTime(c.date)), history.map((c) => c.pain), history.map((c) => c.stress)],
    };
  }, [history, today]);
  return <UPlotChart chart={chart} height={260} testId="history-chart" />;
}
