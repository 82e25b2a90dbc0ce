import { emailSchema, type NewInvitation } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useAction } from '../../lib/use-action';
import { InvitationCode } from './InvitationCode';

interface InviteFormProps {
  readonly id: string;
  readonly invite: (email?: string) => Promise<NewInvitation>;
  readonly button: string;
  readonly emailHint: string;
}

/** An email (optional: it binds the invitation to that account) and a button; then the code, once. */
export function InviteForm({ id, invite, button, emailHint }: InviteFormProps) {
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string>();
  const [made, setMade] = useState<NewInvitation>();
  const { busy, error, run } = useAction();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = email.trim();
    const parsed = trimmed === '' ? undefined : emailSchema.safeParse(trimmed);
    if (parsed && !parsed.success) return setEmailError('must be a valid email address');
    setEmailError(undefined);
    setMade(undefined);
    await run(
      async () => setMade(await invite(parsed?.data)),
      'Could not make the invitation. Please try again.',
    );
  }

  return (
    <>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          name={`${id}-email`}
          label="Email (optional)"
          hint={emailHint}
          type="email"
          autoComplete="off"
          value={email}
          error={emailError}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Making the invitation…' : button}
        </button>
      </form>
      {error && <Alert tone="error" title={error} />}
      {made && <InvitationCode invitation={made} />}
    </>
  );
}
