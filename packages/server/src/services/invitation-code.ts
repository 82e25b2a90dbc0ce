import { createHash, randomInt } from 'node:crypto';
import { INVITATION_ALPHABET } from '@hipwise/core';

const LENGTH = 12;

/** A fresh code, about 59 bits from the OS's random source, shown as ABCD-EFGH-JKMN. */
export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What is stored: the hash of the code as typed, without case, spaces or dashes. */
export const invitationCodeHash = (code: string) =>
  createHash('sha256')
    .update(`invitation:${code.toUpperCase().replace(/[\s-]/g, '')}`)
    .digest('hex');
