/**
 * A UUID for idempotency keys. randomUUID exists only in secure contexts (https, localhost),
 * so a self-hosted install on plain http on the LAN falls back to getRandomValues.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
