import argon2 from 'argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

// OWASP Password Storage Cheat Sheet's argon2id baseline: m=19 MiB, t=2, p=1.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function argon2Hasher(): PasswordHasher {
  return {
    hash: (password) => argon2.hash(password, OPTIONS),
    // argon2.verify compares in constant time; a malformed stored hash counts as a mismatch.
    verify: (hash, password) => argon2.verify(hash, password).catch(() => false),
  };
}
