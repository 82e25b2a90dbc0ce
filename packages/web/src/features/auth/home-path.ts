import type { Me } from '../../api';
import { pendingInvitation } from '../../lib/pending-invitation';

/** Where a user belongs: onboarding is done in order (screening, then baseline) before Today. */
export function homePath(me: Me | null): string {
  if (!me) return '/login';
  // An invitation opened before signing in comes first: the person came for it.
  const invitation = pendingInvitation();
  if (invitation) return `/join/${invitation}`;
  if (!me.screening) return '/welcome';
  if (!me.baseline) return '/baseline';
  return '/today';
}
