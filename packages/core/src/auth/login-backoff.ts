/**
 * How long log-ins are refused after repeated failures: a few free tries, then a wait that doubles
 * with each further failure, capped, and forgotten after a quiet spell. Pure, so the rule is
 * tested apart from the database (OWASP Authentication Cheat Sheet: throttle per account and per
 * source, with exponential backoff, rather than lock accounts for good).
 */
export interface BackoffPolicy {
  /** Failures allowed before any wait. */
  readonly freeFailures: number;
  /** The first wait, in seconds; each further failure doubles it. */
  readonly baseSeconds: number;
  readonly maxSeconds: number;
  /** After this long without a failure the count starts again. */
  readonly forgetAfterSeconds: number;
}

export const ACCOUNT_BACKOFF: BackoffPolicy = {
  freeFailures: 5,
  baseSeconds: 2,
  maxSeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
};

// One address may serve a whole office behind NAT, so it gets more room than one account.
export const ADDRESS_BACKOFF: BackoffPolicy = {
  freeFailures: 30,
  baseSeconds: 2,
  maxSeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
};

// Sign-ups per address: a practice may enrol a room full of people behind one address, so twenty
// an hour are free; beyond that each one doubles the wait from a minute. Every sign-up counts,
// taken email or not, so that probing which emails have accounts is as slow as guessing passwords.
export const SIGNUP_BACKOFF: BackoffPolicy = {
  freeFailures: 20,
  baseSeconds: 60,
  maxSeconds: 60 * 60,
  forgetAfterSeconds: 60 * 60,
};

// Wrong invitation codes. A person mistypes a code a few times at most, and a code is 59 random
// bits that last a week, so ten wrong codes an hour per account (thirty per address, for an
// office behind one) are free; past that each one doubles the wait from a minute, up to an hour.
export const INVITATION_ACCOUNT_BACKOFF: BackoffPolicy = {
  freeFailures: 10,
  baseSeconds: 60,
  maxSeconds: 60 * 60,
  forgetAfterSeconds: 60 * 60,
};

export const INVITATION_ADDRESS_BACKOFF: BackoffPolicy = {
  freeFailures: 30,
  baseSeconds: 60,
  maxSeconds: 60 * 60,
  forgetAfterSeconds: 60 * 60,
};

/** Every policy above: a count is kept until the longest of their quiet spells has passed. */
export const ALL_BACKOFFS: readonly BackoffPolicy[] = [
  ACCOUNT_BACKOFF,
  ADDRESS_BACKOFF,
  SIGNUP_BACKOFF,
  INVITATION_ACCOUNT_BACKOFF,
  INVITATION_ADDRESS_BACKOFF,
];

export interface FailureRecord {
  readonly failures: number;
  readonly lastFailureAt: Date;
  readonly lockedUntil: Date | null;
}

/** The record after one more failure at `now`. */
export function recordFailure(
  policy: BackoffPolicy,
  previous: FailureRecord | undefined,
  now: Date,
): FailureRecord {
  const stale =
    previous === undefined ||
    now.getTime() - previous.lastFailureAt.getTime() > policy.forgetAfterSeconds * 1000;
  const failures = stale ? 1 : previous.failures + 1;
  const over = failures - policy.freeFailures;
  const waitSeconds = over <= 0 ? 0 : Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (over - 1));
  return {
    failures,
    lastFailureAt: now,
    lockedUntil: waitSeconds > 0 ? new Date(now.getTime() + waitSeconds * 1000) : null,
  };
}

/** Whole seconds until log-ins are allowed again, or 0 when they are allowed now. */
export function secondsLocked(record: FailureRecord | undefined, now: Date): number {
  if (!record?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((record.lockedUntil.getTime() - now.getTime()) / 1000));
}
