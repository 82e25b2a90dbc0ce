/**
 * The kill test writes `POST /api/stress/sessions`, which makes one row per idempotency key. Each
 * client's n-th write carries n in its body, so a doubled write shows as two rows with the same
 * n, whatever ids the server gave them.
 */

/** The n-th write of a client: n is spelled in duration and the two stress scores (n < 36,300). */
export function bodyFor(n: number) {
  if (!Number.isInteger(n) || n < 0 || n >= 36_300)
    throw new RangeError(`write number ${n} cannot be spelled`);
  return {
    plannedMinutes: 5,
    durationSeconds: 1 + (n % 300),
    inhaleSeconds: 4,
    exhaleSeconds: 6,
    stressBefore: Math.floor(n / 300) % 11,
    stressAfter: Math.floor(n / 3300) % 11,
  };
}

export const seqOf = (r: { durationSeconds: number; stressBefore: number; stressAfter: number }) =>
  r.durationSeconds - 1 + 300 * r.stressBefore + 3300 * r.stressAfter;

export interface Write {
  seq: number;
  key: string;
  body: ReturnType<typeof bodyFor>;
  /** Set once the server answered 2xx. */
  ack?: { id: string; createdAt: string };
  /** When the server this write was sent to was killed before answering (epoch ms). */
  cutOffAt?: number;
}

export interface Client {
  email: string;
  cookie: string;
  userId: string;
  writes: Write[];
  /** Sent and not yet answered. */
  pending?: Write | undefined;
}
