import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import type { DetectorState } from './use-pose-detector';

/** The pose model's loading state in words: a spinner while it loads, an error with a retry. */
export function ModelStatus({ state, retry }: { readonly state: DetectorState; readonly retry: () => void }) {
  switch (state.status) {
    case 'idle':
    case 'ready':
      return null;
    case 'loading':
      return <Loading label="Loading the pose model (about 5 MB, once per visit)…" />;
    case 'failed':
      return (
        <Alert tone="error" title="The pose model did not load.">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </Alert>
      );
  }
}
