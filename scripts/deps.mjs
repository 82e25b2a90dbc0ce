// `npm run deps`: every runtime dependency (what the workspaces' `dependencies` pull in, however
// deep), with its version and licence, read from package-lock.json and the installed packages.
// Dev tools (test runners, linters, type checkers, bundler plugins listed as devDependencies) are
// left out. Offline: `npm audit` needs an advisory service this machine cannot reach, so this
// list is what a person reviews instead. The last line is the count, for the README.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages;

/** Node's lookup: node_modules/NAME beside `from`, then in each folder above it. */
function resolve(name, from) {
  for (let dir = from; ; dir = path.posix.dirname(dir)) {
    const candidate = dir === '.' || dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock[candidate]) return candidate;
    if (dir === '.' || dir === '') return undefined;
  }
}

const workspaces = Object.entries(lock).filter(([key, entry]) => key.startsWith('packages/') && entry.name);
const found = new Map(); // lock key -> { name, version, license, via: Set }
const todo = workspaces.flatMap(([key, entry]) =>
  Object.keys(entry.dependencies ?? {}).map((name) => ({ name, from: key, via: entry.name })),
);
while (todo.length > 0) {
  const { name, from, via, optional } = todo.pop();
  const key = resolve(name, from);
  // An optional dependency for another platform is in the lock file but not installed here.
  if (!key || (optional && !existsSync(path.join(root, key)))) continue;
  const entry = lock[key];
  if (entry.link) continue; // our own workspace packages
  const seen = found.get(key);
  if (seen) {
    if (seen.via.has(via)) continue;
    seen.via.add(via);
  } else {
    found.set(key, {
      name,
      version: entry.version,
      license: entry.license ?? 'UNKNOWN',
      via: new Set([via]),
    });
  }
  for (const dep of Object.keys(entry.dependencies ?? {})) todo.push({ name: dep, from: key, via });
  for (const dep of Object.keys(entry.optionalDependencies ?? {}))
    todo.push({ name: dep, from: key, via, optional: true });
}

const rows = [...found.values()].sort(
  (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
);
const width = Math.max(...rows.map((r) => `${r.name}@${r.version}`.length));
for (const r of rows) {
  const used = [...r.via]
    .map((v) => v.replace('@hipwise/', ''))
    .sort()
    .join(',');
  console.log(`${`${r.name}@${r.version}`.padEnd(width)}  ${r.license.padEnd(14)}  ${used}`);
}
const licences = new Map();
for (const r of rows) licences.set(r.license, (licences.get(r.license) ?? 0) + 1);
console.log(
  `\nlicences: ${[...licences]
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l} ${n}`)
    .join(', ')}`,
);
console.log(`${rows.length} runtime dependencies`);
