import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../api';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly data: T };

/** Fetch on mount (and on reload), abandoning the request if the screen goes away first. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'failed', message: isApiError(e) ? e.message : 'Something went wrong.' });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((f: (data: T) => T) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', data: f(s.data) } : s));
  }, []);

  return { state, reload, update };
}
