// Type-checks every TypeScript project of the repo: `tsc -p <dir>` for each of packages/*, the
// folders of a package's src/ with their own tsconfig.json (packages/web/src/sw), e2e, bench and
// scripts that has a tsconfig.json (folders without one are skipped, not failed),
// one after the other, stopping at the first project with errors.
//
//   node scripts/typecheck.mjs            # all projects
//   node scripts/typecheck.mjs core e2e   # only projects whose folder name matches
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

export function tsProjects() {
  const pkgDir = path.join(root, 'packages');
  const packages = existsSync(pkgDir)
    ? readdirSync(pkgDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => `packages/${d.name}`)
        .sort()
    : [];
  // A folder inside a package's src/ with a tsconfig.json of its own (the web app's service
  // worker, whose globals are a worker's, not a window's) is a project of its own too.
  const nested = packages.flatMap((pkg) => {
    const src = path.join(root, pkg, 'src');
    if (!existsSync(src)) return [];
    return readdirSync(src, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(src, d.name, 'tsconfig.json')))
      .map((d) => `${pkg}/src/${d.name}`)
      .sort();
  });
  return [...packages, ...nested, 'e2e', 'bench', 'scripts'].map((rel) => ({
    rel,
    hasConfig: existsSync(path.join(root, rel, 'tsconfig.json')),
  }));
}

const filters = process.argv.slice(2);
let checked = 0;
for (const { rel, hasConfig } of tsProjects()) {
  if (filters.length > 0 && !filters.some((f) => rel === f || path.basename(rel) === f)) continue;
  if (!hasConfig) {
    if (existsSync(path.join(root, rel))) console.log(`typecheck: skip ${rel} (no tsconfig.json)`);
    continue;
  }
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [tsc, '-p', rel], { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`typecheck: ${rel} FAILED (${secs}s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`typecheck: ${rel} ok (${secs}s)`);
  checked++;
}
if (checked === 0) {
  console.error('typecheck: no project matched');
  process.exit(1);
}
