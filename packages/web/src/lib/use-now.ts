import { useEffect, useState } from 'react';

/**
 * The current time (`Date.now()`), refreshed every `everyMs` while `running`. From the page's
 * clock, so Playwright's page.clock moves it in tests. Only to redraw: count time from
 * timestamps, never from ticks.
 */
export function useNow(everyMs: number, running = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs, running]);
  return now;
}
