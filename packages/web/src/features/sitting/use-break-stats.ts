import type { BreakStatsResponse } from '@hipwise/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, sittingApi } from '../../api';

export type StatsState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly data: BreakStatsResponse; readonly refreshing: boolean };

/**
 * Statistics for `weeks` weeks, fetched again whenever `refreshKey` changes (new events reached
 * the server). The numbers on screen stay while a refresh is on its way.
 */
export function useBreakStats(weeks: number, refreshKey: number) {
  const [state, setState] = useState<StatsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const hasData = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' }));
    sittingApi.stats(weeks, controller.signal).then(
      (data) => {
        hasData.current = true;
        setState({ status: 'ready', data, refreshing: false });
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const message = isApiError(e) ? e.message : 'Something went wrong.';
        // A failed background refresh keeps the numbers already shown.
        setState((s) => (s.status === 'ready' ? { ...s, refreshing: false } : { status: 'failed', message }));
      },
    );
    return () => controller.abort();
  }, [weeks, refreshKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
