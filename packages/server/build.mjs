/**
 * Builds what `npm start` runs: the server bundled with esbuild into dist/main.js (our TypeScript,
 * @hipwise/core included), so that no TypeScript loader runs in production. Packages from
 * node_modules stay outside the bundle and load as they are. The migrations are copied beside it,
 * where migrate.ts looks for them (./migrations/ next to the running module).
 */
import { build } from 'esbuild';
import { cp, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies)
  .filter((name) => !name.startsWith('@hipwise/'))
  .flatMap((name) => [name, `${name}/*`]);

// --outdir=DIR builds elsewhere (the test of the built server does).
const outArg = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);
const dist = outArg ? pathToFileURL(`${resolve(outArg)}/`) : new URL('./dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: {
    main: 'src/main.ts',
    // Started as its own process to create a new embedded database (see db/pglite-initdb.ts).
    'pglite-initdb-main': 'src/db/pglite-initdb-main.ts',
  },
  outdir: fileURLToPath(dist),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: 'linked',
  logLevel: 'warning',
});
await cp(new URL('./src/db/migrations/', import.meta.url), new URL('./migrations/', dist), {
  recursive: true,
});
