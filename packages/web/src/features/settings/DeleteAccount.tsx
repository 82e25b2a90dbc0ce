import { deleteAccountBody } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { issuesToFields } from '../../lib/field-errors';
import { useForm } from '../../lib/use-form';
import { useSession } from '../auth/session';
import { clearAll } from '../../offline/db';

/** Two steps (password, then an explicit confirmation) because there is no undo. */
export function DeleteAccount() {
  const { forget } = useSession();
  const [, navigate] = useLocation();
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { state, submit, invalid } = useForm();

  function onRequest(event: FormEvent) {
    event.preventDefault();
    const parsed = deleteAccountBody.safeParse({ password });
    if (!parsed.success) return invalid(issuesToFields(parsed.error.issues));
    invalid({});
    setConfirming(true);
  }

  async function onConfirm() {
    const ok = await submit(() => api.deleteAccount({ password }), {
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
