import { walkingBreaksTaken, type BreakStatsResponse } from '@hipwise/core';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import uPlotLib from 'uplot';
import { chartTime, formatShortDate } from '../../lib/dates';
import { formatDuration } from '../../lib/time-format';
import type { ChartPalette } from '../../components/chart-palette';
import { UPlotChart, type ChartSpec } from '../../components/UPlotChart';
import { plural } from '../../lib/units';

const DAY = 86_400;
const MIN = 60_000;

const axis = (palette: ChartPalette, extra: Partial<uPlot.Axis> = {}): uPlot.Axis => ({
  stroke: palette.axis,
  grid: { stroke: palette.grid },
  ticks: { stroke: palette.tick },
  ...extra,
});
const dayLabel = (ts: number) => formatShortDate(new Date(ts * 1000).toISOString().slice(0, 10));

function dailyOptions(from: number, to: number): ChartSpec['options'] {
  return (width, height, palette) => ({
    width,
    height,
    tzDate: (ts) => uPlotLib.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { drag: { x: false, y: false } },
    legend: { live: false },
    scales: {
      x: { time: true, range: () => [from - DAY / 2, to + DAY / 2] },
      y: { range: (_u, _min, max) => [0, Math.max(60, max)] },
    },
    axes: [
      axis(palette, { values: (_u, splits) => splits.map(dayLabel) }),
      axis(palette, { label: 'minutes', size: 60 }),
    ],
    series: [
      { label: 'Date' },
      {
        label: 'Sitting (min)',
        stroke: palette.series.blue,
        fill: palette.blueFill,
        width: 1,
        paths: uPlotLib.paths.bars?.({ size: [0.7, 40] }),
        points: { show: false },
      },
      {
        label: 'Longest stretch (min)',
        stroke: palette.series.red,
        width: 2,
        dash: [6, 4],
        points: { show: true, size: 7, fill: palette.series.red },
      },
    ],
  });
}

function weeklyOptions(from: number, to: number): ChartSpec['options'] {
  return (width, height, palette) => ({
    width,
    height,
    tzDate: (ts) => uPlotLib.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { drag: { x: false, y: false } },
    legend: { live: false },
    scales: {
      x: { time: true, range: () => [from - 4 * DAY, to + 4 * DAY] },
      y: { range: (_u, _min, max) => [0, Math.max(5, max + 1)] },
    },
    axes: [
      axis(palette, {
        splits: () => weekTicks(from, to),
        values: (_u, splits) => splits.map((s) => `wk ${dayLabel(s)}`),
      }),
      axis(palette, { label: 'breaks', size: 50 }),
    ],
    series: [
      { label: 'Week' },
      {
        label: 'Taken',
        stroke: palette.series.green,
        width: 2.5,
        points: { show: true, size: 10, fill: palette.series.green },
      },
      {
        label: 'Skipped',
        stroke: palette.series.red,
        width: 2,
        dash: [8, 5],
        points: { show: true, size: 8, fill: palette.surface, stroke: palette.series.red, width: 2 },
      },
      {
        label: 'Postponed',
        stroke: palette.series.amber,
        width: 2,
        dash: [2, 4],
        points: { show: true, size: 6, fill: palette.series.amber },
      },
    ],
  });
}

function weekTicks(from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t <= to; t += 7 * DAY) out.push(t);
  return out;
}

/** Sitting per day and breaks per week over the weeks asked for, as charts with a table alternative. */
export function SittingStats({ stats }: { readonly stats: BreakStatsResponse }) {
  // The charts start at the first day and week with anything recorded: a new user sees their own
  // days, not weeks of empty axes before them.
  const firstDay = stats.days.findIndex((d) => d.activeMs > 0);
  const firstWeek = stats.weeks.findIndex(
    (w) => w.activeDays > 0 || w.walkTaken + w.walkSkipped + w.walkPostponed + w.naturalBreaks > 0,
  );
  const days = firstDay === -1 ? [] : stats.days.slice(firstDay);
  const weeks = firstWeek === -1 ? [] : stats.weeks.slice(firstWeek);
  const hasData = days.length > 0 || weeks.length > 0;

  const daily = useMemo(() => {
    const first = days[0]?.date ?? stats.today;
    const last = days[days.length - 1]?.date ?? stats.today;
    return {
      options: dailyOptions(chartTime(first), chartTime(last)),
      data: [
        days.map((d) => chartTime(d.date)),
        days.map((d) => Math.round(d.sittingMs / MIN)),
        days.map((d) => (d.longestSittingMs > 0 ? Math.round(d.longestSittingMs / MIN) : null)),
      ] as uPlot.AlignedData,
    };
  }, [days, stats.today]);

  const weekly = useMemo(() => {
    const first = weeks[0]?.weekStart ?? stats.today;
    const last = weeks[weeks.length - 1]?.weekStart ?? stats.today;
    return {
      options: weeklyOptions(chartTime(first), chartTime(last)),
      data: [
        weeks.map((w) => chartTime(w.weekStart)),
        weeks.map((w) => w.walkTaken + w.naturalBreaks),
        weeks.map((w) => w.walkSkipped),
        weeks.map((w) => w.walkPostponed),
      ] as uPlot.AlignedData,
    };
  }, [weeks, stats.today]);

  if (!hasData) {
    return (
      <p className="empty">
        No sitting time recorded yet. Keep hipwise open while you work: the coach counts your time at the
        computer and your breaks, and the charts fill in day by day.
      </p>
    );
  }

  const activeDays = days.filter((d) => d.activeMs > 0);
  const avg = activeDays.length ? activeDays.reduce((n, d) => n + d.sittingMs, 0) / activeDays.length : 0;
  const longest = Math.max(0, ...days.map((d) => d.longestSittingMs));
  return (
    <>
      <figure className="chart-figure">
        <h3>Sitting per day</h3>
        <UPlotChart chart={daily} testId="sitting-daily-chart" />
        <figcaption className="chart-summary">
          Bars: estimated sitting minutes per day. Dashed line: the longest unbroken stretch. On the{' '}
          {plural(activeDays.length, 'day')} you were at the computer you sat {formatDuration(avg)} on
          average; the longest stretch was {formatDuration(longest)}.
        </figcaption>
      </figure>
      <details className="chart-disclosure">
        <summary>Walking breaks per week</summary>
        <figure className="chart-figure">
          <UPlotChart chart={weekly} testId="sitting-weekly-chart" />
          <figcaption className="chart-summary">
            Solid: breaks taken (including time away that counted as a break). Dashed: skipped. Dotted:
            postponed.
          </figcaption>
        </figure>
      </details>
      <details className="history-table">
        <summary>Show the numbers as a table</summary>
        <table>
          <caption>Sitting and breaks per day, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Sitting</th>
              <th scope="col">Longest stretch</th>
              <th scope="col">Breaks taken</th>
              <th scope="col">Skipped</th>
              <th scope="col">Postponed</th>
            </tr>
          </thead>
          <tbody>
            {[...activeDays].reverse().map((d) => (
              <tr key={d.date}>
                <th scope="row">
                  <time dateTime={d.date}>{formatShortDate(d.date)}</time>
                </th>
                <td>{formatDuration(d.sittingMs)}</td>
                <td>{formatDuration(d.longestSittingMs)}</td>
                <td>{walkingBreaksTaken(d)}</td>
                <td>{d.walk.skipped}</td>
                <td>{d.walk.postponed}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>Per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Sitting per day at the computer</th>
              <th scope="col">Breaks taken</th>
              <th scope="col">Skipped</th>
              <th scope="col">Postponed</th>
            </tr>
          </thead>
          <tbody>
            {[...weeks].reverse().map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">
                  <time dateTime={w.weekStart}>{formatShortDate(w.weekStart)}</time>
                </th>
                <td>{w.activeDays ? formatDuration(w.avgSittingMsPerActiveDay) : '–'}</td>
                <td>{w.walkTaken + w.naturalBreaks}</td>
                <td>{w.walkSkipped}</td>
                <td>{w.walkPostponed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
