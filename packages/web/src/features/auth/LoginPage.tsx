import { loginBody } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { issuesToFields } from '../../lib/field-errors';
import { useForm } from '../../lib/use-form';
import { usePageTitle } from '../../lib/use-page-title';
import { AccountFields, NO_ACCOUNT } from './AccountFields';
import { useSession } from './session';
import { SingleSignOn } from './SingleSignOn';
import { ssoErrorSentence } from './sso-errors';

const LABELS = { email: 'Email', password: 'Password' };

export function LoginPage() {
  usePageTitle('Log in');
  const { state: session, refresh } = useSession();
  const noAccounts = session.status === 'anonymous' && session.accounts === false;
  const [account, setAccount] = useState(NO_ACCOUNT);
  const { state, submit, invalid } = useForm();
  const search = new URLSearchParams(useSearch());
  const everywhere = search.get('everywhere') === '1';
  const ssoError = ssoErrorSentence(search.get('sso_error'));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = loginBody.safeParse(account);
    if (!parsed.success) return invalid(issuesToFields(parsed.error.issues));
    await submit(async () => {
      await api.login(parsed.data);
      // Login returns only the user; /api/me says how far onboarding got, which decides the page.
      await refresh();
    });
  }

  return (
    <section className="narrow">
      <h1>Log in</h1>
      {everywhere && (
        <Alert tone="success" title="You are logged out everywhere">
          <p>Every session of your account has ended. Log in again on the devices you use.</p>
        </Alert>
      )}
      {noAccounts && (
        <Alert tone="info" title="Nobody has an account here yet">
          <p>
            <Link href="/signup">Create the first account</Link> to start using this hipwise.
          </p>
        </Alert>
      )}
      {ssoError && (
        <Alert tone="error" title="You are not signed in">
          <p>{ssoError}</p>
        </Alert>
      )}
      <SingleSignOn />
      <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <AccountFields form={state} value={account} onChange={setAccount} newAccount={false} />
        <button type="submit" className="primary" disabled={state.submitting}>
          {state.submitting ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        New to hipwise? <Link href="/signup">Create an account</Link>
      </p>
    </section>
  );
}
