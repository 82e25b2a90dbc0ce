import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'warning' | 'success' | 'info';

interface AlertProps {
  readonly tone: AlertTone;
  readonly title?: string;
  readonly children?: ReactNode;
  readonly id?: string;
}

/**
 * Errors interrupt (role=alert); everything else is announced politely (role=status) so a
 * success message does not cut off what a screen reader is saying.
 */
export function Alert({ tone, title, children, id }: AlertProps) {
  return (
    <div id={id} className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert-title">{title}</p>}
      {children}
    </div>
  );
}
