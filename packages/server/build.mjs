/**
 * Builds what `npm start` runs: the server bundled with esbuild into dist/main.js (our TypeScript,
 * @hipwise/core included), so that no TypeScript loader runs in production. Packages from
 * node_modules stay outside the bundle and load as they are. The migrations are copied beside it,
 * where migrate.ts looks for them (./migrations/ next to the running module).
 */
import { build } from 'esbuild';
import { cp, readFile, rm } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies)
  .filter((name) => !name.startsWith('@hipwise/'))
  .flatMap((name) => [name, `${name}/*`]);

const dist = new URL('./dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: {
    main: 'src/main.ts',
    // Started as its own process to create a new embedded database (see db/pglite-initdb.ts).
    'pglite-initdb-main': 'src/db/pglite-initdb-main.ts',
  },
  outdir: 'dist',
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
