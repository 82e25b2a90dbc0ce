import type { MouseEvent } from 'react';
import { sentence, type FieldErrors } from '../lib/field-errors';
import { Alert } from './Alert';
import { fieldId } from './field-id';

interface ErrorSummaryProps {
  /** A problem not tied to one field (wrong password, server down). */
  readonly message?: string | undefined;
  readonly fields?: FieldErrors;
  /** Field path -> the label the user sees, so the summary names fields as the form does. */
  readonly labels: Readonly<Record<string, string>>;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, path: string): void {
  const el = document.getElementById(fieldId(path));
  if (!el) return;
  event.preventDefault();
  // A radio group's id sits on its fieldset; focus its first radio instead.
  const target = el.matches('input, select, textarea, button')
    ? el
    : el.querySelector<HTMLElement>('input, select, textarea, button');
  (target ?? el).focus();
  el.scrollIntoView({ block: 'center' });
}

/** The summary at the top of a form; each entry links to its field. Renders nothing when all is well. */
export function ErrorSummary({ message, fields = {}, labels }: ErrorSummaryProps) {
  const entries = Object.entries(fields);
  if (!message && entries.length === 0) return null;
  return (
    <Alert
      tone="error"
      title={
        message ?? (entries.length === 1 ? 'Please fix this:' : `Please fix these ${entries.length} things:`)
      }
    >
      {entries.length > 0 && (
        <ul>
          {entries.map(([path, msg]) => (
            <li key={path}>
              <a href={`#${fieldId(path)}`} onClick={(e) => focusField(e, path)}>
                {labels[path] ?? path}: {sentence(msg).replace(/^./, (c) => c.toLowerCase())}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
