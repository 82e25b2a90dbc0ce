import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

// OWASP Password Storage Cheat Sheet's argon2id baseline: m=19 MiB, t=2, p=1.
// algorithm 2 is Argon2id in the package's const enum, which verbatimModuleSyntax cannot import.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2id through @node-rs/argon2: prebuilt per platform (no compiler at install), hashing on
 * libuv's thread pool so a login never blocks other requests.
 */
export function argon2Hasher(): PasswordHasher {
  return {
    hash: (password) => hash(password, OPTIONS),
    // The comparison inside verify is constant-time; a malformed stored hash counts as a mismatch.
    verify: (stored, password) => verify(stored, password).catch(() => false),
  };
}
