import { changePasswordBody } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { issuesToFields } from '../../lib/field-errors';
import { useForm } from '../../lib/use-form';
import { plural } from '../../lib/units';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password' };

export function PasswordForm() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [saved, setSaved] = useState(false);
  const { state, submit, invalid } = useForm();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = changePasswordBody.safeParse({ currentPassword, newPassword });
    if (!parsed.success) return invalid(issuesToFields(parsed.error.issues));
    const ok = await submit(() => api.changePassword(parsed.data), {
      codeFields: { invalid_credentials: ['currentPassword', 'is not your current password'] },
    });
    if (ok) {
      setCurrent('');
      setNew('');
      setSaved(true);
    }
  }

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={state.fields['currentPassword']}
        />
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${plural(10, 'character')}, and not a common password. You will stay logged in here; other devices are logged out.`}
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={state.fields['newPassword']}
        />
        {saved && <Alert tone="success" title="Password changed. Other devices have been logged out." />}
        <button type="submit" disabled={state.submitting}>
          {state.submitting ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
