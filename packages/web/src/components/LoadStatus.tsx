import type { LoadState } from '../lib/use-load';
import { LoadFailed } from './LoadFailed';
import { Loading } from './Loading';

interface LoadStatusProps {
  readonly state: LoadState<unknown>;
  readonly retry: () => void;
  /** What is loading, e.g. "Loading your day…". */
  readonly loading: string;
  /** The title if it failed, e.g. "Could not load today". */
  readonly failed: string;
}

/** Data on its way: the loading indicator, or the failure with a retry; nothing once it is ready. */
export function LoadStatus({ state, retry, loading, failed }: LoadStatusProps) {
  if (state.status === 'loading') return <Loading label={loading} />;
  if (state.status === 'failed') return <LoadFailed title={failed} message={state.message} retry={retry} />;
  return null;
}
