import { deleteAccountBody } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { issuesToFields } from '../../lib/field-errors';
import { useForm } from '../../lib/use-form';
import { useMe, useSession } from '../auth/session';
import { clearAll } from '../../offline/db';
import { confirmAtProviderHref, useConfirmedAtProvider } from './provider-confirmation';

/**
 * Two steps because there is no undo: the password (or, for an account without one, signing in
 * again at its provider), then an explicit confirmation.
 */
export function DeleteAccount() {
  const { forget } = useSession();
  const { account } = useMe();
  const [, navigate] = useLocation();
  const [password, setPassword] = useState('');
  const confirmedAtProvider = useConfirmedAtProvider('delete') && !account.hasPassword;
  const [confirming, setConfirming] = useState(confirmedAtProvider);
  const { state, submit, invalid } = useForm();

  function onRequest(event: FormEvent) {
    event.preventDefault();
    const parsed = deleteAccountBody.safeParse({ password });
    if (!parsed.success) return invalid(issuesToFields(parsed.error.issues));
    invalid({});
    setConfirming(true);
  }

  async function onConfirm() {
    const ok = await submit(() => api.deleteAccount(account.hasPassword ? { password } : {}), {
      codeFields: { invalid_credentials: ['deletePassword', 'is not your password'] },
    });
    if (ok) {
      await clearAll().catch(() => undefined);
      navigate('/signup?deleted=1');
      forget();
    } else {
      setConfirming(false);
    }
  }

  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete my account</h2>
      <p>
        This deletes your account and everything in it: your answers, your starting point and every check-in.{' '}
        <strong>It cannot be undone.</strong> If you want a copy, export your data first.
      </p>
      <ErrorSummary
        message={state.message}
        fields={state.fields}
        labels={{ deletePassword: 'Password', password: 'Password' }}
      />
      {account.hasPassword ? (
        <form onSubmit={onRequest} noValidate>
          <TextField
            name="deletePassword"
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={password}
            disabled={confirming}
            onChange={(e) => setPassword(e.target.value)}
            error={state.fields['deletePassword'] ?? state.fields['password']}
          />
          {!confirming && (
            <button type="submit" className="danger">
              Delete my account…
            </button>
          )}
        </form>
      ) : account.provider ? (
        !confirming && (
          <>
            <p>
              You sign in with {account.provider.name}, so you confirm it is you there: you will be asked to
              sign in again, then come back here to delete your account.
            </p>
            <a className="button danger" href={confirmAtProviderHref('delete')}>
              Confirm with {account.provider.name}…
            </a>
          </>
        )
      ) : (
        <p>
          Your account has no password and is not linked to a sign-in service here, so it cannot confirm that
          it is you. Ask whoever runs this hipwise to delete it.
        </p>
      )}
      {confirming && (
        <div className="confirm" role="group" aria-labelledby="confirm-title">
          <p id="confirm-title" className="confirm-title">
            Delete your account and all your data for good?
          </p>
          <div className="button-row">
            <button
              type="button"
              className="danger"
              disabled={state.submitting}
              onClick={() => void onConfirm()}
              autoFocus
            >
              {state.submitting ? 'Deleting…' : 'Yes, delete everything'}
            </button>
            <button type="button" disabled={state.submitting} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
