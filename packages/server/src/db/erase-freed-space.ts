import type { Queryable } from './database.js';

/**
 * A DELETE leaves the rows' bytes in the table and index files until the space is reused, and in
 * the write-ahead log until that is recycled (which renames a log file, contents and all). After
 * an account is deleted, this makes its data unreadable in the embedded database's files:
 * VACUUM FULL rewrites every table and index into new files (the old ones are truncated at the
 * next checkpoint); switching to a new log file and a checkpoint then retire the log that held
 * the rows, and with wal_recycle off that file is deleted instead of renamed for reuse.
 * About 0.1 s on a small database, plus 16 MB written for the fresh log file; a deletion is rare.
 */
export async function eraseFreedSpace(q: Queryable): Promise<void> {
  const [tables] = await q.query<{ list: string }>(
    "SELECT string_agg(format('%I', tablename), ', ') AS list FROM pg_tables WHERE schemaname = current_schema()",
  );
  if (tables?.list) await q.query(`VACUUM (FULL) ${tables.list}`);
  await q.query('SET wal_recycle = off');
  await q.query('SELECT pg_switch_wal()');
  await q.query('CHECKPOINT');
}
