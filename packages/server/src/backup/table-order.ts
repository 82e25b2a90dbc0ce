import type { Queryable } from '../db/database.js';

/**
 * Tables computed from the others and rebuilt whenever missing: the caseload's cached lines
 * (migration 0011). A backup leaves them out and a restore leaves them empty; restored rows would
 * be marked stale by the restore's own inserts anyway.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['caseload_cache']);

/**
 * The app's tables, parents before children (by foreign keys), so a restore can insert them in
 * this order and delete them in reverse. schema_migrations is left out: it describes the schema,
 * not the data, and the target database has its own; so are DERIVED_TABLES.
 */
export async function tablesInDependencyOrder(q: Queryable): Promise<string[]> {
  const tables = (
    await q.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
       ORDER BY table_name`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !DERIVED_TABLES.has(name));
  const edges = await q.query<{ child: string; parent: string }>(
    `SELECT tc.table_name AS child, ccu.table_name AS parent
     FROM information_schema.table_constraints tc
     JOIN information_schema.constraint_column_usage ccu
       ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
     WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error('foreign keys form a cycle; cannot order tables for backup');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}
