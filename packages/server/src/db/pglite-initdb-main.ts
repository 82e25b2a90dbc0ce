/**
 * Run as its own short-lived process by `initdbInOwnProcess`: creates a new PGlite data folder
 * (initdb) and exits. Argument: the folder; the Postgres start parameters come as JSON on argv.
 */
import { PGlite } from '@electric-sql/pglite';
import { compileWasmWithBaselineOnly } from './pglite-wasm.js';

const [dir, params] = process.argv.slice(2);
if (!dir || !params) {
  console.error('usage: pglite-initdb-main <data folder> <start parameters as JSON>');
  process.exit(2);
}
compileWasmWithBaselineOnly();
const pg = await PGlite.create(dir, { startParams: JSON.parse(params) as string[] });
await pg.close();
