// The JavaScript a browser downloads for the first visit (landing, log-in and sign-up) and for
// Today, gzipped, against the budgets. Reads the web build's manifest (packages/web/dist/.vite/):
// a page's JavaScript is its chunks and everything they import statically, plus what every page
// loads right after its first render (the service worker's registration); code loaded later
// (other pages, the camera, charts of other pages, the pose worker) is not counted.
//
//   node scripts/js-budget.mjs      prints the figures; exits 1 when a budget is exceeded
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = { first_visit: 160, today: 250 };
const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'web', 'dist');
const manifestPath = path.join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`No build manifest at ${manifestPath}: run \`npm run build\` first.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** Manifest keys of `keys` and every chunk they import statically, transitively. */
function closure(keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no chunk ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

function gzipBytes(file) {
  const full = path.join(dist, file);
  return existsSync(`${full}.gz`)
    ? readFileSync(`${full}.gz`).length
    : gzipSync(readFileSync(full), { level: 9 }).length;
}

const kb = (keys) => {
  const files = [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  return files.reduce((sum, f) => sum + gzipBytes(f), 0) / 1024;
};

const entry = 'index.html';
const breakCoach = (manifest[entry].dynamicImports ?? []).find((k) => /BreakCoach/.test(k));
// The service worker's registration (with workbox-window) and update notice load right after the
// first render, on every page: they count towards every page, though not in the static imports.
const pwaEntries = (manifest[entry].dynamicImports ?? []).filter((k) => /src\/pwa\//.test(k));
const pwa = [...pwaEntries, ...pwaEntries.flatMap((k) => manifest[k].dynamicImports ?? [])];
const pages = {
  first_visit: closure([entry, ...pwa]),
  today: closure([entry, ...pwa, 'src/features/today/TodayPage.tsx', ...(breakCoach ? [breakCoach] : [])]),
};

let over = false;
for (const [name, keys] of Object.entries(pages)) {
  const size = kb(keys);
  const ok = size <= BUDGET_KB[name];
  over ||= !ok;
  console.log(
    `${name}_js_gzip_kb: ${size.toFixed(1)} (budget ${BUDGET_KB[name]}, ${keys.size} chunks) ${ok ? 'PASS' : 'OVER'}`,
  );
}
if (over) {
  console.error(
    'A JavaScript budget is exceeded: load the new code lazily, or say in the budget why it must grow.',
  );
  process.exit(1);
}
