import { cssColour } from '../lib/page-theme';

/** A series colour by name; each theme gives it a shade that reads on its surface (styles.css). */
export type SeriesColour = 'red' | 'blue' | 'green' | 'teal' | 'amber';

/** The colours a chart is drawn in, for the theme the page shows now. */
export interface ChartPalette {
  readonly axis: string;
  readonly grid: string;
  readonly tick: string;
  /** The inside of hollow points: the card behind the chart. */
  readonly surface: string;
  /** Translucent bars of the blue series. */
  readonly blueFill: string;
  readonly series: Readonly<Record<SeriesColour, string>>;
}

/** Reads the chart colours from the stylesheet's custom properties as they apply to `el`. */
export function chartPalette(el: Element): ChartPalette {
  const c = (name: string) => cssColour(el, `--${name}`);
  return {
    axis: c('chart-axis'),
    grid: c('chart-grid'),
    tick: c('chart-tick'),
    surface: c('surface'),
    blueFill: c('chart-blue-fill'),
    series: {
      red: c('chart-red'),
      blue: c('chart-blue'),
      green: c('chart-green'),
      teal: c('chart-teal'),
      amber: c('chart-amber'),
    },
  };
}
