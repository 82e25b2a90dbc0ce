import { Alert } from '../../components/Alert';
import { useLogOut } from '../auth/use-log-out';

/** Ends every session of the account, for a lost phone or a shared computer left logged in. */
export function LogoutEverywhere() {
  const { logOut, busy, error } = useLogOut(true);

  return (
    <section className="card" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">Devices</h2>
      <p>
        Logged in on a computer or phone you no longer use? Log out everywhere ends every session of your
        account, this one included. Your data stays as it is.
      </p>
      {error && <Alert tone="error" title={error} />}
      <button type="button" onClick={() => void logOut()} disabled={busy} aria-busy={busy}>
        {busy ? 'Logging out…' : 'Log out everywhere'}
      </button>
    </section>
  );
}
