import { useLocation } from 'wouter';
import { api, isApiError } from '../../api';
import { useAction } from '../../lib/use-action';
import { useSession } from './session';
import { clearAll } from '../../offline/db';
import { outbox } from '../../offline/sync';

/** Logging out of this session, or of every session of the account, then on to the login page. */
export function useLogOut(everywhere: boolean) {
  const { forget } = useSession();
  const [, navigate] = useLocation();
  const { busy, error, run } = useAction();
  const logOut = () =>
    run(
      async () => {
        // Writes still waiting go first if hipwise answers: log-out clears the device's queue.
        await outbox.sync(true);
        try {
          await (everywhere ? api.logoutEverywhere() : api.logout());
        } catch (e) {
          // Already logged out on the server is fine; anything else leaves the user logged in.
          if (!(isApiError(e) && e.isUnauthenticated)) throw e;
        }
        // Nothing personal stays on a shared computer: writes still waiting and the last-seen pages go.
        await clearAll().catch(() => undefined);
        navigate(everywhere ? '/login?everywhere=1' : '/login');
        forget();
      },
      everywhere ? 'Could not log out everywhere. Please try again.' : 'Could not log out. Please try again.',
    );
  return { logOut, busy, error };
}
