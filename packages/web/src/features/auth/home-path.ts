import type { Me } from '../../api';

/** Where a user belongs: onboarding is done in order (screening, then baseline) before Today. */
export function homePath(me: Me | null): string {
  if (!me) return '/login';
  if (!me.screening) return '/welcome';
  if (!me.baseline) return '/baseline';
  return '/today';
}
