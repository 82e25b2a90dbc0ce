import { TextField } from '../../components/Field';
import type { FormState } from '../../lib/use-form';

interface AccountFieldsProps {
  readonly form: FormState;
  readonly email: string;
  readonly onEmail: (email: string) => void;
  readonly password: string;
  readonly onPassword: (password: string) => void;
  /** Signing up: the browser offers to make up and save a password, and the rules are shown. */
  readonly newAccount: boolean;
}

/** Email and password, for logging in and for signing up. */
export function AccountFields({
  form,
  email,
  onEmail,
  password,
  onPassword,
  newAccount,
}: AccountFieldsProps) {
  return (
    <>
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete={newAccount ? 'email' : 'username'}
        required
        value={email}
        onChange={(e) => onEmail(e.target.value)}
        error={form.fields['email']}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete={newAccount ? 'new-password' : 'current-password'}
        required
        hint={
          newAccount
            ? 'At least 10 characters, and not a common password. A short sentence is easy to remember.'
            : undefined
        }
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={form.fields['password']}
      />
    </>
  );
}
