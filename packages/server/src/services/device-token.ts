import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A device cookie (OWASP's answer to lock-outs a stranger can cause): a browser where the user
 * has logged in before carries `userId.nonce.mac`, signed with a server secret. Its failures are
 * counted apart from everyone else's, so a stranger's guesses at the account cannot lock it.
 */
const mac = (secret: Buffer, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export function mintDeviceToken(secret: Buffer, userId: string): string {
  const payload = `${userId}.${randomBytes(16).toString('base64url')}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The token's nonce when it is ours, unaltered, and issued to `userId`; otherwise undefined. */
export function verifyDeviceToken(secret: Buffer, token: string, userId: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [id, nonce, given] = parts as [string, string, string];
  if (id !== userId) return undefined;
  const expected = Buffer.from(mac(secret, `${id}.${nonce}`));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? nonce : undefined;
}
