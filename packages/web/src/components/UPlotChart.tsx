import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useTheme } from '../lib/page-theme';
import { chartPalette, type ChartPalette } from './chart-palette';

/** What a chart draws; build it in a useMemo, or the chart is rebuilt on every render. */
export interface ChartSpec {
  /** The options for a width and height, in the colours of the page's theme. */
  readonly options: (width: number, height: number, palette: ChartPalette) => uPlot.Options;
  readonly data: uPlot.AlignedData;
}

interface UPlotChartProps {
  /** Null while there is nothing to draw. */
  readonly chart: ChartSpec | null;
  readonly height?: number;
  /** Never narrower than this, even in a narrower container. */
  readonly minWidth?: number;
  readonly testId?: string;
}

/**
 * The one mount of a uPlot chart. uPlot has a fixed size, so the chart follows its container's
 * width (360px phones to wide screens). Hidden from assistive technology: every chart has a
 * summary or table beside it that carries the same numbers. Drawn in the theme's colours, and
 * drawn again when the theme changes (canvas colours do not follow the stylesheet by themselves).
 */
export function UPlotChart({ chart: spec, height = 240, minWidth = 280, testId }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  useEffect(() => {
    const el = box.current;
    if (!el || !spec) return;
    const options = spec.options(Math.max(el.clientWidth, minWidth), height, chartPalette(el));
    const chart = new uPlot(options, spec.data, el);
    const observer = new ResizeObserver(() => {
      const width = Math.max(el.clientWidth, minWidth);
      if (width !== chart.width) chart.setSize({ width, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [spec, height, minWidth, theme]);
  return <div ref={box} className="chart" aria-hidden="true" data-testid={testId} />;
}
