// The whole test pipeline behind `npm test`. Plain JS so it runs before anything is built.
//
//   node scripts/test.mjs              system deps, typecheck, lint, web build, temp PostgreSQL, all tests
//   node scripts/test.mjs unit         only packages/*/src tests (no Chromium, no web build)
//   node scripts/test.mjs e2e          only e2e/ tests (no PostgreSQL)
//   node scripts/test.mjs --no-lint    skip typecheck, lint and format check (fast local loop; combine with unit/e2e)
//
// The last line printed is `N passed, N failed` (plus `, N skipped` when some were skipped);
// the exit code is the test runner's (non-zero if anything failed or no test ran).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './system-deps.mjs';
import { startTempPostgres } from './pg-temp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/test.mjs [unit|e2e] [--no-lint]';

// ---------- arguments ----------
let mode = 'all';
let lint = true;
for (const arg of process.argv.slice(2)) {
  if (arg === 'unit' || arg === 'e2e') {
    if (mode !== 'all') fail(`only one of unit/e2e\n${USAGE}`);
    mode = arg;
  } else if (arg === '--no-lint') {
    lint = false;
  } else if (arg === '-h' || arg === '--help') {
    console.log(USAGE);
    process.exit(0);
  } else {
    fail(`unknown argument ${arg}\n${USAGE}`);
  }
}
const wantUnit = mode !== 'e2e';
const wantE2e = mode !== 'unit';

function fail(msg, code = 1) {
  console.error(`test: ${msg}`);
  process.exit(code);
}

// ---------- helpers ----------
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

async function step(name, fn, { quiet = false } = {}) {
  console.log(`\n▶ ${name}`);
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    const ms = Date.now() - t0;
    if (!quiet) console.log(`  (${name.split(':')[0]}: ${secs(ms)})`);
  }
}

/** The child currently running, so that SIGINT/SIGTERM can be passed on to it. */
let current;
let interrupted;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    interrupted ??= sig;
    current?.kill(sig);
    if (!current) process.exit(128 + os.constants.signals[sig]);
  });
}

function exec(cmd, args, opts = {}, onStdout = undefined) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ['inherit', onStdout ? 'pipe' : 'inherit', 'inherit'],
      ...opts,
    });
    current = child;
    const closed = onStdout ? onStdout(child.stdout) : Promise.resolve();
    child.on('error', reject);
    // 'close' (not 'exit') so that all piped output has been read
    child.on('close', (code, signal) => {
      current = undefined;
      void closed.then(() => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
    });
  });
}

/**
 * Passes the spec reporter's output through, except that Node 20 prints its "✖ failing tests:"
 * recap after the `ℹ tests N … ℹ duration_ms` summary: that recap is moved above the summary
 * so the summary lines are always the last thing the runner prints.
 */
async function summaryLast(stream) {
  const plain = (line) => line.replace(/\x1b\[[0-9;]*m/g, '');
  let state = 'body'; // -> 'summary' at `ℹ tests N` -> 'after' at the first non-ℹ line
  const summary = [];
  const after = [];
  for await (const line of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
    if (state === 'body' && /^ℹ tests \d+/.test(plain(line))) state = 'summary';
    if (state === 'summary' && !plain(line).startsWith('ℹ ')) state = 'after';
    if (state === 'body') process.stdout.write(`${line}\n`);
    else if (state === 'summary') summary.push(line);
    else after.push(line);
  }
  while (after.length > 0 && plain(after[0] ?? '').trim() === '') after.shift();
  while (after.length > 0 && plain(after.at(-1) ?? '').trim() === '') after.pop();
  if (after.length > 0) process.stdout.write(`${after.join('\n')}\n\n`);
  if (summary.length > 0) process.stdout.write(`${summary.join('\n')}\n`);
}

async function npmRun(script) {
  const code = await exec('npm', ['run', '--silent', script]);
  if (code !== 0) fail(`npm run ${script} failed (exit ${code})`, code);
}

/** Every *.test.ts under dir, recursively, skipping node_modules, dist and dot-folders. */
function findTests(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findTests(p, out);
    else if (e.isFile() && e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function testFiles() {
  const files = [];
  if (wantUnit) {
    const pkgs = path.join(root, 'packages');
    const names = existsSync(pkgs) ? readdirSync(pkgs).sort() : [];
    for (const name of names) findTests(path.join(pkgs, name, 'src'), files);
    findTests(path.join(root, 'bench'), files);
  }
  if (wantE2e) findTests(path.join(root, 'e2e'), files);
  return files.map((f) => path.relative(root, f));
}

function tapCounts(file) {
  const counts = {};
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return counts;
  }
  for (const m of text.matchAll(/^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/gm)) {
    counts[m[1]] = Number(m[2]);
  }
  return counts;
}

// ---------- pipeline ----------
console.log(`hipwise tests: ${mode}${lint ? '' : ' (--no-lint)'}`);

await step(
  `system dependencies: ${[wantE2e && 'chromium', wantUnit && 'postgresql'].filter(Boolean).join(' + ')}`,
  () => {
    try {
      const found = ensureSystemDeps({ chromium: wantE2e, postgres: wantUnit, log: (m) => console.log(m) });
      if (found.chromium) console.log(`  chromium: ${found.chromium}`);
      if (found.pgBin) console.log(`  postgresql: ${found.pgBin}`);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  },
);

if (lint) {
  await step('typecheck: npm run typecheck', () => npmRun('typecheck'));
  await step('lint: npm run lint', () => npmRun('lint'));
  await step('format: npm run format:check', () => npmRun('format:check'));
} else {
  console.log('\n▶ typecheck, lint, format check: skipped (--no-lint)');
}

const webDist = path.join(root, 'packages', 'web', 'dist');
if (wantE2e) {
  await step('build: npm run build (web app for e2e)', () => npmRun('build'));
  await step('budget: npm run budget (first-visit and Today JavaScript, gzipped)', () => npmRun('budget'));
}

const files = testFiles();
if (files.length === 0) {
  console.log('\nno *.test.ts files found');
  console.log('0 passed, 0 failed');
  process.exit(1);
}

let pg;
if (wantUnit) {
  pg = await step('postgres: temporary PostgreSQL server', async () => {
    try {
      const p = await startTempPostgres({ log: (m) => console.log(`  ${m}`) });
      return p;
    } catch (e) {
      fail(`could not start PostgreSQL: ${e instanceof Error ? e.message : e}`);
    }
  });
}

const tapDir = mkdtempSync(path.join(os.tmpdir(), 'hipwise-tap-'));
const tapFile = path.join(tapDir, 'results.tap');
let code = 1;
try {
  code = await step(
    `tests: ${files.length} file(s), node --test --test-concurrency=2`,
    () =>
      exec(
        process.execPath,
        [
          '--import',
          'tsx',
          '--test',
          '--test-concurrency=2',
          '--test-reporter=spec',
          '--test-reporter-destination=stdout',
          '--test-reporter=tap',
          `--test-reporter-destination=${tapFile}`,
          ...files,
        ],
        {
          env: {
            ...process.env,
            HIPWISE_WEB_DIST: webDist,
            ...(pg ? { HIPWISE_TEST_DATABASE_URL: pg.url } : {}),
          },
        },
        summaryLast,
      ),
    { quiet: true }, // the runner's own summary stays at the bottom
  );
} finally {
  // stop quietly so that the runner's summary stays at the bottom
  await pg?.stop();
}

const c = tapCounts(tapFile);
rmSync(tapDir, { recursive: true, force: true });
const passed = c.pass ?? 0;
const failed = (c.fail ?? 0) + (c.cancelled ?? 0); // a cancelled test (timeout, crash) did not pass
const skipped = c.skipped ?? 0;
if (code === 0 && passed + failed === 0) code = 1; // nothing ran
if (interrupted) {
  console.log(`\ntest run interrupted (${interrupted})`);
  code = 128 + os.constants.signals[interrupted];
}

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(code);
