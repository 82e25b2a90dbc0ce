import { useState } from 'react';
import { useLocation } from 'wouter';
import { api, isApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { useSession } from '../auth/session';

/** Ends every session of the account, for a lost phone or a shared computer left logged in. */
export function LogoutEverywhere() {
  const { forget } = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function onClick() {
    setBusy(true);
    setError(undefined);
    try {
      await api.logoutEverywhere();
    } catch (e) {
      if (!(isApiError(e) && e.isUnauthenticated)) {
        setError(isApiError(e) ? e.message : 'Could not log out everywhere. Please try again.');
        setBusy(false);
        return;
      }
    }
    navigate('/login?everywhere=1');
    forget();
  }

  return (
    <section className="card" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">Devices</h2>
      <p>
        Logged in on a computer or phone you no longer use? Log out everywhere ends every session of your
        account, this one included. Your data stays as it is.
      </p>
      {error && <Alert tone="error" title={error} />}
      <button type="button" onClick={() => void onClick()} disabled={busy} aria-busy={busy}>
        {busy ? 'Logging out…' : 'Log out everywhere'}
      </button>
    </section>
  );
}
