import type { OutboxKind } from '@hipwise/core';
import type { Payload } from './senders';

/**
 * The write as sent, dated `recordedAt` (ISO 8601): a write kept on the device and sent later
 * still counts for the day it was made. Break events carry their own times (`at`) and go as they are.
 */
export function withRecordedAt<K extends OutboxKind>(
  kind: K,
  payload: Payload<K>,
  recordedAt: string,
): Payload<K> {
  // TypeScript cannot follow the pairing of `kind` and `payload`; each case names its own shape.
  const p: Payload<OutboxKind> = payload;
  switch (kind) {
    case 'break-events':
      return payload;
    case 'questionnaire': {
      const q = p as Payload<'questionnaire'>;
      return { ...q, body: { ...q.body, recordedAt } };
    }
    case 'checkin':
    case 'exercise-session':
    case 'stress-session':
      return { ...(p as object), recordedAt } as Payload<K>;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * When each submission was first made, by its idempotency key. A submission sent again with the
 * same key (a retry after an error) must be the same request, time included, or the server would
 * take it for another write under a used key; a new key is a new submission, made now.
 */
export class FirstMade {
  private readonly times = new Map<string, string>();

  constructor(private readonly limit = 50) {}

  /** The time the submission under `key` was first made; `now` for a new key or none. */
  of(key: string | null, now: Date): string {
    const iso = now.toISOString();
    if (key === null) return iso;
    const known = this.times.get(key);
    if (known !== undefined) return known;
    this.times.set(key, iso);
    // Only retries in this tab need it; the oldest submissions are long settled.
    if (this.times.size > this.limit) this.times.delete(this.times.keys().next().value!);
    return iso;
  }

  /** The server refused the submission, so nothing is stored under `key`: its next try is made anew. */
  forget(key: string | null): void {
    if (key !== null) this.times.delete(key);
  }
}
