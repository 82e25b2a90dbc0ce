import type { LoadState } from '../lib/use-load';
import { LoadFailed } from './LoadFailed';
import { Loading } from './Loading';

interface LoadStatusProps {
  readonly state: LoadState<unknown>;
  readonly retry: () => void;
  /** What is loading, e.g. "your programme": "Loading your programme…", "Could not load your programme". */
  readonly what: string;
  /** Other words while loading, e.g. "Getting your session ready…". */
  readonly loading?: string;
}

/** Data on its way: the loading indicator, or the failure with a retry; nothing once it is ready. */
export function LoadStatus({ state, retry, what, loading = `Loading ${what}…` }: LoadStatusProps) {
  if (state.status === 'loading') return <Loading label={loading} />;
  if (state.status === 'failed') {
    return <LoadFailed title={`Could not load ${what}`} message={state.message} retry={retry} />;
  }
  return null;
}
