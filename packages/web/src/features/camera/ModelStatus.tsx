import { Loading } from '../../components/Loading';
import type { DetectorState } from './use-pose-detector';
import { LoadFailed } from '../../components/LoadFailed';
import { measure } from '../../lib/units';

/** The pose model's loading state in words: a spinner while it loads, an error with a retry. */
export function ModelStatus({ state, retry }: { readonly state: DetectorState; readonly retry: () => void }) {
  switch (state.status) {
    case 'idle':
    case 'ready':
      return null;
    case 'loading':
      return <Loading label={`Loading the pose model (about ${measure(5, 'MB')}, once per visit)…`} />;
    case 'failed':
      return <LoadFailed title="The pose model did not load." message={state.message} retry={retry} />;
  }
}
