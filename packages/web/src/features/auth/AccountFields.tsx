import { TextField } from '../../components/Field';
import type { FormState } from '../../lib/use-form';
import { plural } from '../../lib/units';

export interface Account {
  readonly email: string;
  readonly password: string;
}

export const NO_ACCOUNT: Account = { email: '', password: '' };

interface AccountFieldsProps {
  readonly form: FormState;
  readonly value: Account;
  readonly onChange: (value: Account) => void;
  /** Signing up: the browser offers to make up and save a password, and the rules are shown. */
  readonly newAccount: boolean;
}

/** Email and password, for logging in and for signing up. */
export function AccountFields({ form, value, onChange, newAccount }: AccountFieldsProps) {
  return (
    <>
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete={newAccount ? 'email' : 'username'}
        required
        value={value.email}
        onChange={(e) => onChange({ ...value, email: e.target.value })}
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
            ? `At least ${plural(10, 'character')}, and not a common password. A short sentence is easy to remember.`
            : undefined
        }
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        error={form.fields['password']}
      />
    </>
  );
}
