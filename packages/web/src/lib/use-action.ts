import { useCallback, useState } from 'react';
import { isApiError } from '../api';

/**
 * A button's request: busy while it runs, and the error to show if it failed (the API's message,
 * else `fallback`). For forms with fields use useForm instead.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async (action: () => Promise<void>, fallback: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(isApiError(e) ? e.message : fallback);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
