import { changePasswordBody, type AccountAccess } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { issuesToFields } from '../../lib/field-errors';
import { useForm } from '../../lib/use-form';
import { plural } from '../../lib/units';
import { useMe, useSession } from '../auth/session';
import { confirmAtProviderHref, needsConfirmingAgain, useConfirmedAtProvider } from './provider-confirmation';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password' };

function NewPasswordField(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | undefined;
  readonly autoFocus?: boolean;
}) {
  return (
    <TextField
      name="newPassword"
      label="New password"
      type="password"
      autoComplete="new-password"
      hint={`At least ${plural(10, 'character')}, and not a common password. You will stay logged in here; other devices are logged out.`}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.error}
      autoFocus={props.autoFocus}
    />
  );
}

/** Change the password; an account made through single sign-on has none, and may set one. */
export function PasswordForm() {
  const me = useMe();
  const { setMe } = useSession();
  const [justSet, setJustSet] = useState(false);
  if (me.account.hasPassword) return <ChangePassword justSet={justSet} />;
  return (
    <ManagedPassword
      account={me.account}
      onSet={() => {
        setJustSet(true);
        setMe({ ...me, account: { ...me.account, hasPassword: true } });
      }}
    />
  );
}

function ChangePassword({ justSet }: { readonly justSet: boolean }) {
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
      {justSet && (
        <Alert
          tone="success"
          title="Password set. You can now also log in with your email and this password."
        />
      )}
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
        <NewPasswordField value={newPassword} onChange={setNew} error={state.fields['newPassword']} />
        {saved && <Alert tone="success" title="Password changed. Other devices have been logged out." />}
        <button type="submit" disabled={state.submitting}>
          {state.submitting ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

/**
 * An account without a password signs in at its provider, which manages the password. Where this
 * hipwise takes local passwords, it may set one after signing in again there.
 */
function ManagedPassword({
  account,
  onSet,
}: {
  readonly account: AccountAccess;
  readonly onSet: () => void;
}) {
  const provider = account.provider;
  const canSet = account.localSignIn && provider !== null;
  // A confirmation the server no longer takes sends the person back to the provider's button.
  const [refused, setRefused] = useState(false);
  const confirmed = useConfirmedAtProvider('password') && canSet && !refused;
  const [newPassword, setNew] = useState('');
  const { state, submit, invalid } = useForm();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = changePasswordBody.safeParse({ newPassword });
    if (!parsed.success) return invalid(issuesToFields(parsed.error.issues));
    const set = await submit(() =>
      api.changePassword(parsed.data).catch((e: unknown) => {
        if (needsConfirmingAgain(e)) setRefused(true);
        throw e;
      }),
    );
    if (set) onSet();
  }

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <p>
        {provider
          ? `You sign in with ${provider.name}; your password is managed there.`
          : 'Your account has no password here. Ask whoever runs this hipwise how you sign in.'}
      </p>
      <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
      {canSet && !confirmed && (
        <>
          <p>
            To log in to hipwise with a password as well, set one here. You confirm it is you at{' '}
            {provider.name} first.
          </p>
          <a className="button" href={confirmAtProviderHref('password')}>
            Confirm with {provider.name} to set a password…
          </a>
        </>
      )}
      {confirmed && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <NewPasswordField
            value={newPassword}
            onChange={setNew}
            error={state.fields['newPassword']}
            autoFocus
          />
          <button type="submit" disabled={state.submitting}>
            {state.submitting ? 'Setting…' : 'Set password'}
          </button>
        </form>
      )}
    </section>
  );
}
