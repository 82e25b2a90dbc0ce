/**
 * An invitation opened before signing in, kept for this tab so that after log-in or sign-up the
 * person lands back on it instead of losing the link.
 */
const KEY = 'hipwise.pending-invitation';

export function pendingInvitation(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setPendingInvitation(code: string | null): void {
  try {
    if (code === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, code);
  } catch {
    // Storage refused (private mode): the person opens the link again after signing in.
  }
}
