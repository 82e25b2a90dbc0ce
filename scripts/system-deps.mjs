// System dependencies needed by the test suite: Debian's Chromium (e2e) and a PostgreSQL server
// (the PostgreSQL run of the API/repository suites). Plain JS so it runs before anything is built.
//
//   import { ensureSystemDeps, findPostgresBin } from './system-deps.mjs';
//   node scripts/system-deps.mjs            # check, install if root, print what was found
//   node scripts/system-deps.mjs --check    # check only, exit 1 if something is missing
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const PG_BINARIES = ['initdb', 'pg_ctl', 'postgres'];
const APT_PACKAGES = ['chromium', 'postgresql'];
export const INSTALL_HINT = `sudo apt-get install -y ${APT_PACKAGES.join(' ')}`;

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return dir;
  }
  return undefined;
}

/** Directory holding initdb, pg_ctl and postgres: the highest /usr/lib/postgresql/<v>/bin, else PATH. */
export function findPostgresBin() {
  let versions = [];
  try {
    versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    // no Debian layout
  }
  for (const v of versions) {
    const dir = `/usr/lib/postgresql/${v}/bin`;
    if (PG_BINARIES.every((b) => isExecutable(path.join(dir, b)))) return dir;
  }
  const dirs = PG_BINARIES.map(onPath);
  if (dirs.every((d) => d !== undefined)) {
    // all on PATH; they may live in different dirs (unusual) — the initdb one is the reference
    return dirs[0];
  }
  return undefined;
}

/** What is missing, as a list of human-readable names (empty = all good). */
export function missingSystemDeps({ chromium = true, postgres = true } = {}) {
  const missing = [];
  if (chromium && !isExecutable(CHROMIUM_PATH)) missing.push(`chromium (${CHROMIUM_PATH})`);
  if (postgres && !findPostgresBin()) missing.push(`postgresql server (${PG_BINARIES.join(', ')})`);
  return missing;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/**
 * Makes sure Chromium and PostgreSQL are there. Installs them with apt when running as root;
 * otherwise throws an Error whose message names the command to run.
 * Returns { chromium, pgBin }.
 */
export function ensureSystemDeps({ chromium = true, postgres = true, log = console.log } = {}) {
  let missing = missingSystemDeps({ chromium, postgres });
  if (missing.length > 0) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot) {
      const err = new Error(`missing system packages: ${missing.join('; ')}. Run: ${INSTALL_HINT}`);
      err.code = 'MISSING_SYSTEM_DEPS';
      throw err;
    }
    log(`  missing ${missing.join('; ')}: installing with apt-get (running as root)`);
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', ...APT_PACKAGES]);
    missing = missingSystemDeps({ chromium, postgres });
    if (missing.length > 0) throw new Error(`still missing after apt-get install: ${missing.join('; ')}`);
  }
  return { chromium: chromium ? CHROMIUM_PATH : undefined, pgBin: postgres ? findPostgresBin() : undefined };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const checkOnly = process.argv.includes('--check');
  if (checkOnly) {
    const missing = missingSystemDeps();
    if (missing.length > 0) {
      console.error(`missing: ${missing.join('; ')}\nRun: ${INSTALL_HINT}`);
      process.exit(1);
    }
    console.log(`chromium: ${CHROMIUM_PATH}\npostgres: ${findPostgresBin()}`);
  } else {
    try {
      const found = ensureSystemDeps();
      console.log(`chromium: ${found.chromium}\npostgres: ${found.pgBin}`);
    } catch (e) {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    }
  }
}
