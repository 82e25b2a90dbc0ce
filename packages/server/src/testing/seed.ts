import { randomBytes, randomUUID } from 'node:crypto';
import { pegScore, triage, type BaselineBody, type CheckinBody, type User } from '@hipwise/core';
import type { Database, Queryable } from '../db/database.js';
import { upsertBaseline } from '../repositories/baselines.js';
import { insertScreening } from '../repositories/screenings.js';
import { insertSession } from '../repositories/sessions.js';
import { insertUser } from '../repositories/users.js';
import { hashToken, SESSION_DAYS } from '../services/auth-service.js';
import { checkinService } from '../services/checkin-service.js';
import { argon2Hasher } from '../services/password-hasher.js';
import { NO_RED_FLAGS } from './fixtures.js';

const DAY_MS = 86_400_000;

export interface SeededAccount {
  user: User;
  /** `hipwise_session=...` of a live session. */
  cookie: string;
}

/**
 * An account written straight into the database, as sign-up, a screening with no warning signs
 * and a baseline would leave it, with a session live from `now`: many users fast, for benchmarks.
 */
export async function seedAccount(
  db: Queryable,
  a: {
    email: string;
    passwordHash: string;
    timeZone: string;
    joined: Date;
    now: Date;
    baseline: BaselineBody;
  },
): Promise<SeededAccount> {
  const user = await insertUser(db, {
    email: a.email,
    passwordHash: a.passwordHash,
    timeZone: a.timeZone,
    now: a.joined,
  });
  if (!user) throw new Error(`${a.email} already has an account`);
  const token = randomBytes(32).toString('base64url');
  await insertSession(db, {
    tokenHash: hashToken(token),
    userId: user.id,
    now: a.now,
    expiresAt: new Date(a.now.getTime() + SESSION_DAYS * DAY_MS),
  });
  await insertScreening(db, {
    userId: user.id,
    answers: NO_RED_FLAGS,
    outcome: triage(NO_RED_FLAGS),
    now: a.joined,
  });
  await upsertBaseline(db, {
    userId: user.id,
    body: a.baseline,
    pegScore: pegScore(a.baseline.peg),
    now: a.joined,
  });
  return { user, cookie: `hipwise_session=${token}` };
}

/** Records check-ins through the real service (idempotency keys included), each as if made at `at`. */
export function checkinRecorder(db: Database) {
  let clockNow = new Date();
  const service = checkinService({
    db,
    clock: { now: () => clockNow },
    hasher: argon2Hasher(),
    newToken: () => '',
  });
  return (user: User, at: Date, body: CheckinBody) => {
    clockNow = at;
    return service.record(user, body, randomUUID());
  };
}

/** One real argon2 hash of `password`, to share among seeded accounts. */
export const hashPassword = (password: string) => argon2Hasher().hash(password);
