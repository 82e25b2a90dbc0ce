import { z } from 'zod';

export const BACKUP_FORMAT = 'hipwise-backup';
export const BACKUP_VERSION = 1;

/** First line of a backup file: what made it and which schema its rows fit. */
export const backupHeader = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.strictObject({ version: z.int(), name: z.string(), checksum: z.string() })),
  tables: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof backupHeader>;

/** Every further line: one row of one table, as PostgreSQL's row_to_json wrote it. */
export const backupRow = z.strictObject({
  table: z.string(),
  row: z.record(z.string(), z.unknown()),
});

/** Last line: how many rows of each table came before, so a cut-off file is caught. */
export const backupTrailer = z.strictObject({ end: z.literal(true), rows: z.record(z.string(), z.int()) });

export class BackupError extends Error {
  override readonly name = 'BackupError';
}
