import type { InstanceSettings, SignupPolicy } from '@hipwise/core';
import { useCallback, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { LoadStatus } from '../../components/LoadStatus';
import { practiceApi } from '../../api';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { useSession } from '../auth/session';
import { AuditList } from './AuditList';
import { InviteForm } from './InviteForm';
import { NotFound } from '../../components/NotFound';

const POLICIES: readonly { value: SignupPolicy; label: string; hint: string }[] = [
  { value: 'open', label: 'Open', hint: 'Anyone who reaches this hipwise can create an account.' },
  {
    value: 'invitation',
    label: 'By invitation',
    hint: 'A new account needs a code from an admin’s or a clinician’s invitation.',
  },
  {
    value: 'sso_only',
    label: 'Single sign-on only',
    hint: 'New accounts come only through your organisation’s sign-in.',
  },
];

function SettingsForm({ initial }: { readonly initial: InstanceSettings }) {
  const [value, setValue] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await run(async () => {
      setValue(await practiceApi.changeSettings(value));
      setSaved(true);
    }, 'Could not save. Please try again.');
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <fieldset>
        <legend>Who can create an account</legend>
        {POLICIES.map((p) => (
          <div key={p.value}>
            <label>
              <input
                type="radio"
                name="signupPolicy"
                checked={value.signupPolicy === p.value}
                onChange={() => setValue({ ...value, signupPolicy: p.value })}
                aria-describedby={`policy-${p.value}-hint`}
              />
              <span>{p.label}</span>
            </label>
            <p className="field-hint" id={`policy-${p.value}-hint`}>
              {p.hint}
            </p>
          </div>
        ))}
      </fieldset>
      <div>
        <label>
          <input
            type="checkbox"
            checked={value.localSignIn}
            onChange={(e) => setValue({ ...value, localSignIn: e.target.checked })}
            aria-describedby="local-sign-in-hint"
          />
          <span>Local passwords sign in</span>
        </label>
        <p className="field-hint" id="local-sign-in-hint">
          When off, members and clinicians sign in through single sign-on only. Admins can always use their
          password, so nobody locks this hipwise out of its settings.
        </p>
      </div>
      {error && <Alert tone="error" title={error} />}
      {saved && <Alert tone="success" title="Saved." />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}

function Policy() {
  const load = useCallback((signal: AbortSignal) => practiceApi.settings(signal), []);
  const { state, reload } = useLoad(load);
  return (
    <section className="card" aria-labelledby="policy-title">
      <h2 id="policy-title">Sign-up and sign-in</h2>
      <LoadStatus state={state} retry={reload} what="the settings" />
      {state.status === 'ready' && <SettingsForm initial={state.data} />}
    </section>
  );
}

/** The admin's page: the instance's settings, clinicians' invitations and the audit log. No health data. */
export function AdminPage() {
  usePageTitle('Admin');
  const { state } = useSession();
  if (state.status !== 'ready' || state.me.user.role !== 'admin') return <NotFound />;
  return (
    <>
      <h1>Admin</h1>
      <p className="lead">
        Running this hipwise shows you nobody’s health data: members share theirs only with the clinicians
        they choose.
      </p>
      <div className="stack">
        <Policy />
        <section className="card" aria-labelledby="invite-clinician-title">
          <h2 id="invite-clinician-title">Invite a clinician</h2>
          <p>The person accepts with their account (or creates one) and becomes a clinician.</p>
          <InviteForm
            id="invite-clinician"
            invite={practiceApi.inviteClinician}
            button="Invite a clinician"
            emailHint="Only the account with this email can accept. Leave empty for anyone with the code."
          />
        </section>
        <section className="card" aria-labelledby="instance-audit-title">
          <h2 id="instance-audit-title">Audit log</h2>
          <p>Who did what on this hipwise, newest first. It holds no health data.</p>
          <AuditList
            load={practiceApi.instanceAudit}
            showMember
            what="the audit log"
            empty="Nothing has happened yet."
          />
        </section>
      </div>
    </>
  );
}
