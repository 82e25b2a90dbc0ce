/** The little the services need from SQL, so PGlite and PostgreSQL serve the same code. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Inside a transaction, where supported: sends a statement whose rows nobody needs without
   * waiting for its answer, so that it leaves together with what follows (the COMMIT). If it
   * fails, the transaction fails at its end. Use `sendOrRun`, which falls back to `query`.
   */
  send?(sql: string, params?: readonly unknown[]): void;
}

/** `q.send` where the database offers it, else an ordinary query. */
export async function sendOrRun(q: Queryable, sql: string, params: readonly unknown[] = []): Promise<void> {
  if (q.send) q.send(sql, params);
  else await q.query(sql, params);
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Where the database files sit on this machine for anyone with the disk to read (the embedded
   * database): makes deleted rows unreadable in them. See erase-freed-space.ts.
   */
  eraseFreedSpace?(): Promise<void>;
  close(): Promise<void>;
}

const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Node's `pg` and PGlite both hand back Date for timestamptz; the API speaks ISO strings. Text
 * already in toISOString's form (repositories/today.ts makes it) passes as is, without a Date
 * round trip.
 */
export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return CANONICAL_ISO.test(value) ? value : new Date(value).toISOString();
  throw new TypeError(`expected a timestamp, got ${typeof value}`);
}
