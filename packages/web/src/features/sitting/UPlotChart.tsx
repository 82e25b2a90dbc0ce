import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 240;

/**
 * A uPlot chart that follows its container's width (360px phones to wide screens). Hidden from
 * assistive technology: the summary and table next to it carry the same numbers.
 */
export function UPlotChart({
  options,
  data,
  testId,
}: {
  readonly options: (width: number, height: number) => uPlot.Options;
  readonly data: uPlot.AlignedData;
  readonly testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = new uPlot(options(Math.max(el.clientWidth, 280), HEIGHT), data, el);
    const observer = new ResizeObserver(() => {
      const width = Math.max(el.clientWidth, 280);
      if (width !== chart.width) chart.setSize({ width, height: HEIGHT });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [options, data]);
  return <div ref={box} className="chart" aria-hidden="true" data-testid={testId} />;
}
