import { invitationCodeSchema, type InvitationPreview } from '@hipwise/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { isApiError, practiceApi } from '../../api';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadStatus } from '../../components/LoadStatus';
import { Loading } from '../../components/Loading';
import { setPendingInvitation } from '../../lib/pending-invitation';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { useSession } from '../auth/session';

/** Typing the short code: it leads to the invitation's own page. */
function CodeForm() {
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = invitationCodeSchema.safeParse(code);
    if (!parsed.success) return setError('must be the 12-character code you were given');
    navigate(`/join/${parsed.data}`);
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextField
        name="code"
        label="Invitation code"
        hint="For example ABCD-EFGH-JKMN; case and dashes do not matter."
        autoComplete="off"
        value={code}
        error={error}
        onChange={(e) => setCode(e.target.value)}
      />
      <button type="submit" className="primary">
        Open the invitation
      </button>
    </form>
  );
}

function MemberConsent({ code, preview }: { readonly code: string; readonly preview: InvitationPreview }) {
  const [shareNotes, setShareNotes] = useState(false);
  const [done, setDone] = useState<'accepted' | 'declined'>();
  const { busy, error, run } = useAction();
  const clinician = preview.invitedBy.email;

  async function accept() {
    await run(async () => {
      await practiceApi.accept(code, shareNotes);
      setDone('accepted');
    }, 'Could not accept. Please try again.');
  }

  if (done === 'accepted') {
    return (
      <Alert tone="success" title={`${clinician} now follows your progress`}>
        <p>
          You can change what they see, or revoke it, at any time in <Link href="~/settings">Settings</Link>,
          where you also see each time they looked.
        </p>
      </Alert>
    );
  }
  if (done === 'declined') {
    return (
      <Alert tone="info" title="Nothing was shared">
        <p>
          {clinician} sees nothing of yours. <Link href="~/">Go to hipwise</Link>
        </p>
      </Alert>
    );
  }
  return (
    <>
      <p className="lead">
        <strong>{clinician}</strong>, a clinician on this hipwise, asks to follow your progress.
      </p>
      <h2>If you accept, they will see</h2>
      <ul>
        <li>
          Your outcomes: pain, stress and the questionnaires (PEG, RMDQ, STarT Back) with how they changed
          since you started.
        </li>
        <li>
          Your adherence: practice sessions, check-ins, sitting breaks, and your programme level and version.
        </li>
        <li>Your notes (check-in notes and reflections) only if you tick the box below.</li>
      </ul>
      <p>
        They can also adjust your programme (hold a level, allow or hold back the floor version, add a stress
        practice, leave a message); each change shows on Today with who made it. Every time they look is
        listed in Settings under “Who has seen my data”. You can revoke at any time; it takes effect at once.
      </p>
      <label>
        <input type="checkbox" checked={shareNotes} onChange={(e) => setShareNotes(e.target.checked)} />
        <span>Also share my notes</span>
      </label>
      {error && <Alert tone="error" title={error} />}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>
          {busy ? 'Accepting…' : `Share with ${clinician}`}
        </button>
        <button type="button" disabled={busy} onClick={() => setDone('declined')}>
          No, share nothing
        </button>
      </div>
    </>
  );
}

function ClinicianRole({ code, preview }: { readonly code: string; readonly preview: InvitationPreview }) {
  const { refresh } = useSession();
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  async function accept() {
    await run(async () => {
      await practiceApi.accept(code);
      await refresh();
      setDone(true);
    }, 'Could not accept. Please try again.');
  }
  if (done) {
    return (
      <Alert tone="success" title="Your account is now a clinician’s">
        <p>
          <Link href="~/clinician">Go to your practice</Link> to invite members.
        </p>
      </Alert>
    );
  }
  return (
    <>
      <p className="lead">
        <strong>{preview.invitedBy.email}</strong>, an admin of this hipwise, invites you to be a clinician.
      </p>
      <p>
        A clinician can invite members. You see a member’s data only after they accept your invitation, only
        what they chose to share, and each look is shown to them.
      </p>
      {error && <Alert tone="error" title={error} />}
      <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>
        {busy ? 'Accepting…' : 'Become a clinician'}
      </button>
    </>
  );
}

type Opened =
  | { readonly kind: 'open'; readonly preview: InvitationPreview }
  /** 404: the code is not one, or not any more. */
  | { readonly kind: 'invalid' }
  /** 429: too many wrong codes from here; the message says how long to wait. */
  | { readonly kind: 'limited'; readonly message: string };

/** The invitation, or why this code opens none; a failure to reach hipwise is thrown (a retry). */
async function openInvitation(code: string, signal: AbortSignal): Promise<Opened> {
  try {
    return { kind: 'open', preview: await practiceApi.preview(code, signal) };
  } catch (e) {
    if (isApiError(e) && e.status === 404) return { kind: 'invalid' };
    if (isApiError(e) && e.status === 429) return { kind: 'limited', message: e.message };
    throw e;
  }
}

function Invitation({ code }: { readonly code: string }) {
  const load = useCallback((signal: AbortSignal) => openInvitation(code, signal), [code]);
  const { state, reload } = useLoad(load);
  if (state.status !== 'ready') return <LoadStatus state={state} retry={reload} what="the invitation" />;
  const opened = state.data;
  switch (opened.kind) {
    case 'open':
      return opened.preview.kind === 'member' ? (
        <MemberConsent code={code} preview={opened.preview} />
      ) : (
        <ClinicianRole code={code} preview={opened.preview} />
      );
    case 'invalid':
      return (
        <>
          <Alert tone="error" title="This invitation code is not valid or has expired">
            <p>It may be mistyped or used already. Check it, or ask whoever invited you for a new one.</p>
          </Alert>
          <h2>Enter another code</h2>
          <CodeForm />
        </>
      );
    case 'limited':
      return (
        <Alert tone="error" title={opened.message}>
          <button type="button" onClick={reload}>
            Try again
          </button>
        </Alert>
      );
  }
}

/** /join and /join/:code: a clinician's or an admin's invitation, opened by the person invited. */
export function JoinPage() {
  usePageTitle('Invitation');
  const { code } = useParams<{ code?: string }>();
  const { state, refresh } = useSession();
  const anonymous = state.status === 'anonymous';
  // Kept while signed out, so log-in or sign-up leads back here; dropped once the person is here.
  useEffect(() => {
    if (code) setPendingInvitation(anonymous ? code : null);
  }, [anonymous, code]);

  return (
    <section className="narrow">
      <h1>Invitation</h1>
      {!code ? (
        <CodeForm />
      ) : state.status === 'ready' ? (
        <Invitation code={code} />
      ) : anonymous ? (
        <Alert tone="info" title="Sign in to open this invitation">
          <p>
            <Link href="~/login">Log in</Link> or <Link href="~/signup">create an account</Link>; you come
            back here after. Nothing is shared until you accept.
          </p>
        </Alert>
      ) : state.status === 'failed' ? (
        <LoadFailed
          title="Could not load your account"
          message={state.message}
          retry={() => void refresh()}
        />
      ) : (
        <Loading label="Loading your account…" />
      )}
    </section>
  );
}
