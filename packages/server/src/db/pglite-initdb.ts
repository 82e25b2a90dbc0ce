import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Run from source (tests, tsx) or from the built server (dist/, where the entry sits beside main.js).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = fileURLToPath(
  new URL(FROM_SOURCE ? './pglite-initdb-main.ts' : './pglite-initdb-main.js', import.meta.url),
);

/** Whether `pgdata` still needs initdb: Postgres writes PG_VERSION into every data folder it creates. */
export function needsInitdb(pgdata: string): boolean {
  return !existsSync(join(pgdata, 'PG_VERSION'));
}

/**
 * Creates a new PGlite data folder in a process of its own. initdb in PGlite runs a second
 * Postgres and a tarball of the new folder inside WebAssembly memory, which is never given back:
 * in the server's own process that would keep several hundred MB resident for the whole day.
 * A separate process returns it all to the system when it exits, as Postgres's own initdb does.
 */
export function initdbInOwnProcess(pgdata: string, startParams: readonly string[]): Promise<void> {
  const child = spawn(
    process.execPath,
    [...(FROM_SOURCE ? ['--import', 'tsx'] : []), ENTRY, pgdata, JSON.stringify(startParams)],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 16_000) stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `Could not create the embedded database in ${pgdata} (${signal ?? `exit ${code}`}): ${stderr.trim()}`,
          ),
        );
    });
  });
}
