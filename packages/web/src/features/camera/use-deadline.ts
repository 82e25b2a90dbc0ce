import { useEffect, useRef } from 'react';

/** Calls `onExpire` once, `ms` after `active` turned true, unless it turned false before. */
export function useDeadline(active: boolean, ms: number, onExpire: () => void): void {
  const latest = useRef(onExpire);
  latest.current = onExpire;
  useEffect(() => {
    if (!active) return;
    const timer = window.setTimeout(() => latest.current(), ms);
    return () => window.clearTimeout(timer);
  }, [active, ms]);
}
