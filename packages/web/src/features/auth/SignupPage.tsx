import { signupBody } from '@hipwise/core';
import { useCallback, useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { issuesToFields } from '../../lib/field-errors';
import { pendingInvitation } from '../../lib/pending-invitation';
import { useLoad } from '../../lib/use-load';
import { deviceTimeZone } from '../../lib/time-zone';
import { useForm } from '../../lib/use-form';
import { usePageTitle } from '../../lib/use-page-title';
import { AccountFields, NO_ACCOUNT } from './AccountFields';
import { useSession } from './session';
import { SingleSignOn } from './SingleSignOn';

const LABELS = { email: 'Email', password: 'Password', timeZone: 'Time zone', invitation: 'Invitation code' };

export function SignupPage() {
  usePageTitle('Create your account');
  const { setMe } = useSession();
  const search = new URLSearchParams(useSearch());
  const [account, setAccount] = useState(NO_ACCOUNT);
  const { state, submit, invalid } = useForm();
  const timeZone = deviceTimeZone();
  const [invitation, setInvitation] = useState(() => pendingInvitation() ?? '');
  // How this hipwise takes new accounts; while unknown, the form is the open one.
  const loadInstance = useCallback((signal: AbortSignal) => api.instance(signal), []);
  const { state: instance } = useLoad(loadInstance);
  const policy = instance.status === 'ready' ? instance.data.signupPolicy : 'open';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = signupBody.safeParse({
      ...account,
      timeZone,
      ...(policy === 'invitation' ? { invitation } : {}),
    });
    if (!parsed.success) return invalid(issuesToFields(parsed.error.issues));
    await submit(async () => {
      const user = await api.signup(parsed.data);
      // A new account has done no onboarding yet; the guest guard now sends it to /welcome.
      setMe({
        user,
        account: {
          hasPassword: true,
          provider: null,
          localSignIn: instance.status !== 'ready' || instance.data.localSignIn,
        },
        screening: null,
        baseline: null,
      });
    });
  }

  return (
    <section className="narrow">
      <h1>Create your account</h1>
      {search.get('deleted') === '1' && (
        <Alert tone="success" title="Your account has been deleted">
          <p>Your account and all of your data are gone. You are welcome back any time.</p>
        </Alert>
      )}
      <p className="lead">Track your back pain, stress and sitting, and see what helps you.</p>
      <SingleSignOn />
      {policy === 'sso_only' && (
        <Alert tone="info" title="Accounts here come through your organisation’s single sign-on">
          <p>This hipwise does not create accounts with a password.</p>
        </Alert>
      )}
      <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {policy === 'invitation' && (
          <TextField
            name="invitation"
            label="Invitation code"
            hint="This hipwise takes new accounts by invitation: enter the code you were given."
            autoComplete="off"
            value={invitation}
            error={state.fields['invitation']}
            onChange={(e) => setInvitation(e.target.value)}
          />
        )}
        <AccountFields form={state} value={account} onChange={setAccount} newAccount />
        <p className="field-hint">
          Your time zone is set to <strong>{timeZone}</strong>, so each day starts at your midnight. You can
          change it later in Settings.
        </p>
        {state.fields['timeZone'] && <p className="field-error">{state.fields['timeZone']}</p>}
        <button type="submit" className="primary" disabled={state.submitting}>
          {state.submitting ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link href="/login">Log in</Link>
      </p>
    </section>
  );
}
