import type { BackoffPolicy } from '@hipwise/core';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { PasswordHasher } from './password-hasher.js';

/** What every service is built from; tests pass their own clock. */
export interface ServiceDeps {
  db: Database;
  clock: Clock;
  hasher: PasswordHasher;
  /** A fresh unguessable session token. */
  newToken(): string;
  /** Sign-ups per address; SIGNUP_BACKOFF unless a test needs room for many users. */
  signupPolicy?: BackoffPolicy;
}
