import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors.js';

/**
 * Refuses new passwords that are common or trivially easy to guess (NIST SP 800-63B 3.1.1.2):
 * zxcvbn with its list of 49,233 common passwords, keyboard patterns, repeats and sequences.
 * A password it puts below a million guesses (score 0 or 1) is refused: `aaaaaaaaaa`,
 * `1234567890`, `password123`, `iloveyou12`. Offline: the list ships inside the package.
 */
export function passwordPolicy() {
  let zxcvbn: ZxcvbnFactory | undefined;
  return {
    /** Throws a 422 naming `field` when the password is too easy to guess. */
    async check(password: string, field: string): Promise<void> {
      zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
      const { score } = zxcvbn.check(password);
      if (score >= 2) return;
      const message = 'is too common or too easy to guess; try a few words that do not belong together';
      throw new AppError('validation', 'weak_password', `The password ${message}.`, { [field]: message });
    },
  };
}

export type PasswordPolicy = ReturnType<typeof passwordPolicy>;
