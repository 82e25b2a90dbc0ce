import { useCallback, useRef, useState } from 'react';
import { isApiError } from '../api';
import type { FieldErrors } from './field-errors';

export interface FormState {
  readonly submitting: boolean;
  /** Shown at the top of the form when the problem is not one field's. */
  readonly message?: string | undefined;
  readonly fields: FieldErrors;
}

const IDLE: FormState = { submitting: false, fields: {} };

export interface SubmitOptions {
  /** Error codes that are really about one field, e.g. invalid_credentials -> the current password. */
  readonly codeFields?: Readonly<Record<string, readonly [field: string, message: string]>>;
}

/**
 * Submit bookkeeping shared by every form: one submission at a time, API errors split into a
 * summary message and per-field messages.
 */
export function useForm() {
  const [state, setState] = useState<FormState>(IDLE);
  const busy = useRef(false);

  const invalid = useCallback((fields: FieldErrors, message?: string) => {
    setState({ submitting: false, fields, message });
  }, []);

  const submit = useCallback(
    async (action: () => Promise<void>, options: SubmitOptions = {}): Promise<boolean> => {
      // A double click must not send the same write twice.
      if (busy.current) return false;
      busy.current = true;
      setState({ submitting: true, fields: {} });
      try {
        await action();
        setState(IDLE);
        return true;
      } catch (e) {
        const codeField = isApiError(e) ? options.codeFields?.[e.code] : undefined;
        if (codeField) {
          setState({ submitting: false, fields: { [codeField[0]]: codeField[1] } });
        } else if (isApiError(e)) {
          // A 422's message only says "some fields are wrong", which the field list says better;
          // any other error's message (e.g. "this email already has an account") is the news.
          const hasFields = Object.keys(e.fields).length > 0;
          setState({
            submitting: false,
            fields: e.fields,
            message: hasFields && e.status === 422 ? undefined : e.message,
          });
        } else {
          setState({ submitting: false, fields: {}, message: 'Something went wrong. Please try again.' });
          console.error(e);
        }
        return false;
      } finally {
        busy.current = false;
      }
    },
    [],
  );

  return { state, submit, invalid };
}
