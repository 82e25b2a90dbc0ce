import type { Database } from '../../db/database.js';
import { seqOf, type Client } from './numbered-writes.js';

/**
 * After the last kill, the clients' writes against what the API exports and what the database
 * holds: every acknowledged write present exactly once, every key stored with its row.
 */

export interface StoredRow {
  id: string;
  durationSeconds: number;
  stressBefore: number;
  stressAfter: number;
}

/** Each client's stress sessions as its data export lists them. */
export async function readThroughApi(
  url: string,
  clients: readonly Client[],
): Promise<Map<string, StoredRow[]>> {
  const fromApi = new Map<string, StoredRow[]>();
  for (const c of clients) {
    const res = await fetch(`${url}/api/me/export`, { headers: { cookie: c.cookie } });
    if (res.status !== 200) throw new Error(`export answered ${res.status}`);
    const data = (await res.json()) as { stressSessions: StoredRow[] };
    fromApi.set(c.userId, data.stressSessions);
  }
  return fromApi;
}

export async function readStore(db: Database) {
  const rows = await db.query<{ user_id: string; id: string; d: number; b: number; a: number }>(
    'SELECT user_id, id, duration_seconds AS d, stress_before AS b, stress_after AS a FROM stress_sessions',
  );
  const keys = await db.query<{ user_id: string; key: string; status: number; session_id: string | null }>(
    "SELECT user_id, key, status, response->'session'->>'id' AS session_id FROM idempotency_keys",
  );
  const byUser = new Map<string, StoredRow[]>();
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({ id: r.id, durationSeconds: r.d, stressBefore: r.b, stressAfter: r.a });
    byUser.set(r.user_id, list);
  }
  return { rows: byUser, keys };
}

export type StoreContents = Awaited<ReturnType<typeof readStore>>;

/** Acknowledged writes missing from `stored`, extra copies, and rows that do not match their answer. */
export function tally(clients: readonly Client[], stored: Map<string, StoredRow[]>, where: string) {
  let lost = 0;
  let duplicates = 0;
  const problems: string[] = [];
  for (const c of clients) {
    const bySeq = new Map<number, StoredRow[]>();
    for (const r of stored.get(c.userId) ?? []) {
      const seq = seqOf(r);
      bySeq.set(seq, [...(bySeq.get(seq) ?? []), r]);
      if (!c.writes[seq]) problems.push(`${where}: a row no client wrote (user ${c.userId}, write ${seq})`);
    }
    for (const w of c.writes) {
      const copies = bySeq.get(w.seq) ?? [];
      if (w.ack && copies.length === 0) lost++;
      if (copies.length > 1) duplicates += copies.length - 1;
      if (w.ack && copies.length === 1 && copies[0]!.id !== w.ack.id) {
        problems.push(
          `${where}: write ${w.key} was acknowledged as ${w.ack.id} but stored as ${copies[0]!.id}`,
        );
      }
    }
  }
  return { lost, duplicates, problems };
}

/** Every write's idempotency key stored, with status 201 and the row it made. */
export function keyProblems(clients: readonly Client[], store: StoreContents): string[] {
  const problems: string[] = [];
  const keys = new Map(store.keys.map((k) => [`${k.user_id} ${k.key}`, k]));
  for (const c of clients) {
    const ids = new Set((store.rows.get(c.userId) ?? []).map((r) => r.id));
    for (const w of c.writes) {
      const k = keys.get(`${c.userId} ${w.key}`);
      if (!k) {
        problems.push(`key ${w.key} (write ${w.seq}) is not stored`);
      } else if (k.status !== 201 || !k.session_id || !ids.has(k.session_id)) {
        problems.push(`key ${w.key} is stored with status ${k.status} and a session that is not there`);
      }
    }
    const own = store.keys.filter((k) => k.user_id === c.userId).length;
    if (own !== ids.size) problems.push(`user ${c.userId} has ${ids.size} rows but ${own} keys`);
  }
  return problems;
}
