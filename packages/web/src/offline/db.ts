import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxItem } from '@hipwise/core';

/** What this device keeps for the signed-in user: writes waiting to be sent, and the last answers seen. */
interface OfflineSchema extends DBSchema {
  outbox: { key: number; value: OutboxItem };
  'last-seen': { key: [string, string]; value: LastSeenRecord };
}

export interface LastSeenRecord {
  readonly userId: string;
  readonly what: string;
  readonly data: unknown;
  /** Epoch ms when the server sent it. */
  readonly at: number;
}

let opening: Promise<IDBPDatabase<OfflineSchema>> | null = null;

function db(): Promise<IDBPDatabase<OfflineSchema>> {
  opening ??= openDB<OfflineSchema>('hipwise-offline', 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      d.createObjectStore('last-seen', { keyPath: ['userId', 'what'] });
    },
  }).catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}

/** Adds a write; the store numbers it, so the order it was made in survives reloads. */
export async function addItem(item: Omit<OutboxItem, 'seq'>): Promise<number> {
  // The key path fills `seq` in; idb's types want the full record.
  return (await db()).add('outbox', item as OutboxItem);
}

export async function allItems(): Promise<OutboxItem[]> {
  return (await db()).getAll('outbox');
}

export async function putItem(item: OutboxItem): Promise<void> {
  await (await db()).put('outbox', item);
}

export async function deleteItem(seq: number): Promise<void> {
  await (await db()).delete('outbox', seq);
}

export async function readLastSeen(userId: string, what: string): Promise<LastSeenRecord | undefined> {
  return (await db()).get('last-seen', [userId, what]);
}

export async function writeLastSeen(record: LastSeenRecord): Promise<void> {
  await (await db()).put('last-seen', record);
}

export async function deleteLastSeen(userId: string, what: string): Promise<void> {
  await (await db()).delete('last-seen', [userId, what]);
}

/** Log-out: nothing personal stays on the device, whoever it belonged to. */
export async function clearAll(): Promise<void> {
  const d = await db();
  const tx = d.transaction(['outbox', 'last-seen'], 'readwrite');
  await Promise.all([tx.objectStore('outbox').clear(), tx.objectStore('last-seen').clear(), tx.done]);
}
