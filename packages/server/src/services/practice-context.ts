import type { User } from '@hipwise/core';

/** Who acts, and from where: what every audit line records. */
export interface Actor {
  user: User;
  clientAddress: string | null;
}

export const auditActor = (a: Actor) => ({ id: a.user.id, email: a.user.email, role: a.user.role });
