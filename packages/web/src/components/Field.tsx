import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { sentence } from '../lib/field-errors';
import { fieldId } from './field-id';

export interface ControlProps {
  readonly id: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: true;
}

interface FieldProps {
  /** Field path as the server reports it in `fields`, e.g. `currentPassword`. */
  readonly name: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly children: (control: ControlProps) => ReactNode;
}

/** Label, hint and error wired to one control, so its accessible name and description are right. */
export function Field({ name, label, hint, error, children }: FieldProps) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {sentence(error)}
        </p>
      )}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
    </div>
  );
}

type TextFieldProps = Omit<FieldProps, 'children'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>;

export function TextField({ name, label, hint, error, ...input }: TextFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {(control) => <input name={name} {...input} {...control} />}
    </Field>
  );
}

type TextAreaFieldProps = Omit<FieldProps, 'children'> &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'>;

export function TextAreaField({ name, label, hint, error, ...textarea }: TextAreaFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {(control) => <textarea name={name} {...textarea} {...control} />}
    </Field>
  );
}
