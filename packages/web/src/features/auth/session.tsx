import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { meSchema } from '@hipwise/core';
import { api, isApiError, setUnauthenticatedHandler, type Me } from '../../api';
import { forgetLastSeen, withLastSeen } from '../../offline/last-seen';

/** Who this device last saw signed in, so the app can open on it without hipwise. */
const DEVICE = 'device';

export type SessionState =
  | { readonly status: 'loading' }
  /** `accounts`: whether anyone has an account on this server; null when unknown. */
  | { readonly status: 'anonymous'; readonly accounts: boolean | null }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly me: Me };

interface Session {
  readonly state: SessionState;
  /** Replace what we know about the user after a write that changed it. */
  readonly setMe: (me: Me) => void;
  /** Re-read /api/me (after login, or to retry after a failure). */
  readonly refresh: () => Promise<Me | null>;
  /** Forget the user locally (after logout or account deletion). */
  readonly forget: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async (): Promise<Me | null> => {
    try {
      const me = (await withLastSeen(DEVICE, 'me', meSchema, () => api.me())).data;
      setState({ status: 'ready', me });
      return me;
    } catch (e) {
      if (isApiError(e) && e.isUnauthenticated) {
        void forgetLastSeen(DEVICE, 'me');
        setState({ status: 'anonymous', accounts: await anyAccounts() });
      } else {
        setState({ status: 'failed', message: isApiError(e) ? e.message : 'Something went wrong.' });
      }
      return null;
    }
  }, []);

  useEffect(() => {
    // Any call that finds the session gone drops the UI back to logged-out; the guards redirect.
    // Before the first answer, `refresh` decides, once it knows whether the server has accounts.
    setUnauthenticatedHandler(() =>
      setState((s) => (s.status === 'loading' ? s : { status: 'anonymous', accounts: null })),
    );
    void refresh();
    return () => setUnauthenticatedHandler(undefined);
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({
      state,
      setMe: (me) => setState({ status: 'ready', me }),
      refresh,
      forget: () => setState({ status: 'anonymous', accounts: null }),
    }),
    [state, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Whether this server has any account yet; null when it cannot say (the landing page works either way). */
async function anyAccounts(): Promise<boolean | null> {
  try {
    return (await api.instance()).accounts;
  } catch {
    return null;
  }
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The logged-in user; only for screens behind a guard, which guarantees there is one. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'ready') throw new Error('useMe used outside a logged-in route');
  return state.me;
}
