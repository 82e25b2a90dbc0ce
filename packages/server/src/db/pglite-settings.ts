import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';
import type { OpenLog } from './open-log.js';
import { initdbInOwnProcess, needsInitdb } from './pglite-initdb.js';

/**
 * Postgres settings for one person's embedded database. PGlite starts Postgres with the defaults
 * of a shared database server (128 MB of shared buffers, a 4 GB cache estimate, up to 1 GB of WAL
 * between checkpoints). Inside WebAssembly, memory once touched is never given back, so every
 * megabyte here stays resident for as long as hipwise runs. Figures and reasons:
 * docs/decisions/pglite-settings.md.
 */
export const ONE_PERSON_PG_SETTINGS = {
  // A year of one person's records is a few MB; 16 MB holds them and the catalogs with room to spare.
  shared_buffers: '16MB',
  // A planner estimate only (allocates nothing): the OS page cache a desktop leaves for these files.
  effective_cache_size: '256MB',
  // What Postgres would pick itself for 16 MB of buffers (1/32 of them), written out.
  wal_buffers: '512kB',
  // Single-user Postgres has no checkpointer: WAL piles up to max_wal_size before one runs, and a
  // crash replays all of it at the next start. 64 MB keeps both small.
  max_wal_size: '64MB',
  min_wal_size: '32MB',
  // Per sort or hash; hipwise's largest (a history of a few thousand rows) needs well under 1 MB.
  work_mem: '2MB',
  // Migrations' index builds and VACUUM; 16 MB sorts an index over a few hundred thousand rows in memory.
  maintenance_work_mem: '16MB',
} as const;

export type PgSettingName = keyof typeof ONE_PERSON_PG_SETTINGS;
export type PgSettings = Record<PgSettingName, string>;

const UNIT_KB = { kB: 1, MB: 1024, GB: 1024 * 1024 } as const;

/** Bounds in kB: Postgres's own minimum (or a sane one), and far more than one person needs. */
const BOUNDS_KB: Record<PgSettingName, readonly [number, number]> = {
  shared_buffers: [1024, 64 * UNIT_KB.GB],
  effective_cache_size: [1024, 1024 * UNIT_KB.GB],
  wal_buffers: [64, 256 * UNIT_KB.MB],
  max_wal_size: [32 * UNIT_KB.MB, 1024 * UNIT_KB.GB],
  min_wal_size: [32 * UNIT_KB.MB, 1024 * UNIT_KB.GB],
  work_mem: [64, 2 * UNIT_KB.GB],
  maintenance_work_mem: [1024, 2 * UNIT_KB.GB],
};

/** `16MB` -> 16384 (kB); undefined for anything that is not a whole number with kB, MB or GB. */
export function sizeInKb(value: string): number | undefined {
  const m = /^\s*'?(\d{1,10})\s*(kB|MB|GB)'?\s*$/.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * UNIT_KB[m[2] as keyof typeof UNIT_KB];
}

const NAMES = Object.keys(ONE_PERSON_PG_SETTINGS) as PgSettingName[];

/**
 * HIPWISE_PG_SETTINGS: `name=size` pairs, comma-separated, e.g.
 * `shared_buffers=128MB,effective_cache_size=2GB`. Only the settings above, each within bounds.
 */
export const pgSettingsOverrides = z.string().transform((text, ctx): Partial<PgSettings> => {
  const out: Partial<PgSettings> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [rawName = '', value = '', ...extra] = pair.split('=').map((s) => s.trim());
    const name = rawName as PgSettingName;
    if (!NAMES.includes(name) || extra.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `"${pair}": expected name=size with a name among ${NAMES.join(', ')}`,
      });
      continue;
    }
    const kb = sizeInKb(value);
    const [min, max] = BOUNDS_KB[name];
    if (kb === undefined || kb < min || kb > max) {
      ctx.addIssue({
        code: 'custom',
        message: `${name} must be a size such as 16MB or 1GB, from ${showKb(min)} to ${showKb(max)}`,
      });
      continue;
    }
    out[name] = value;
  }
  const min = sizeInKb(out.min_wal_size ?? ONE_PERSON_PG_SETTINGS.min_wal_size) ?? 0;
  const max = sizeInKb(out.max_wal_size ?? ONE_PERSON_PG_SETTINGS.max_wal_size) ?? 0;
  if (min > max)
    ctx.addIssue({ code: 'custom', message: 'min_wal_size must not be larger than max_wal_size' });
  return out;
});

function showKb(kb: number): string {
  if (kb % UNIT_KB.GB === 0) return `${kb / UNIT_KB.GB}GB`;
  if (kb % UNIT_KB.MB === 0) return `${kb / UNIT_KB.MB}MB`;
  return `${kb}kB`;
}

export function pgSettings(overrides: Partial<PgSettings> = {}): PgSettings {
  return { ...ONE_PERSON_PG_SETTINGS, ...overrides };
}

/** PGlite's own start parameters plus ours: `-c` on the command line wins over postgresql.conf. */
export function pgliteStartParams(settings: PgSettings): string[] {
  return [...PGlite.defaultStartParams, ...NAMES.flatMap((name) => ['-c', `${name}=${settings[name]}`])];
}

export interface SettingChange {
  name: PgSettingName;
  /** What the data folder's postgresql.conf said (undefined: Postgres's built-in default). */
  from: string | undefined;
  to: string;
}

const BLOCK_START =
  '# hipwise: settings for one person (see HIPWISE_PG_SETTINGS). Written at start; edit that instead.';
const BLOCK_END = '# end of hipwise settings';

/** The value each setting last gets in a postgresql.conf (later lines win, as in Postgres). */
function confValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([a-z_]+)\s*=?\s*('[^']*'|[^\s#]+)/.exec(line);
    if (m?.[1] && m[2]) values.set(m[1], m[2].replace(/^'|'$/g, ''));
  }
  return values;
}

function sameSize(a: string | undefined, b: string): boolean {
  return a !== undefined && sizeInKb(a) !== undefined && sizeInKb(a) === sizeInKb(b);
}

/**
 * Makes the data folder's postgresql.conf carry `settings` (in a block of its own at the end, so
 * that later starts, and anyone opening the folder with plain PGlite, find them), and returns what
 * changed: nothing once a folder has them. The file is replaced by rename, never left half-written.
 */
export async function writeSettingsToConf(pgdata: string, settings: PgSettings): Promise<SettingChange[]> {
  const file = join(pgdata, 'postgresql.conf');
  const text = await readFile(file, 'utf8');
  const current = confValues(text);
  const changes = NAMES.filter((name) => !sameSize(current.get(name), settings[name])).map((name) => ({
    name,
    from: current.get(name),
    to: settings[name],
  }));
  if (changes.length === 0) return [];
  const start = text.indexOf(BLOCK_START);
  const end = text.indexOf(BLOCK_END);
  const kept =
    start >= 0 && end > start ? text.slice(0, start) + text.slice(end + BLOCK_END.length + 1) : text;
  const block = [BLOCK_START, ...NAMES.map((name) => `${name} = ${settings[name]}`), BLOCK_END, ''].join(
    '\n',
  );
  const tmp = `${file}.hipwise-tmp`;
  await writeFile(tmp, `${kept.endsWith('\n') ? kept : `${kept}\n`}${block}`, {
    mode: (await stat(file)).mode & 0o777,
  });
  await rename(tmp, file);
  return changes;
}

/**
 * Gets a PGlite data folder ready to open with `settings`: creates it when new (in a process of
 * its own), and writes the settings into its postgresql.conf. An existing folder whose settings
 * change (the first start of this hipwise on it, or a new HIPWISE_PG_SETTINGS) says so once.
 */
export async function prepareDataFolder(
  pgdata: string,
  settings: PgSettings,
  log?: Pick<OpenLog, 'info'>,
): Promise<void> {
  const isNew = needsInitdb(pgdata);
  if (isNew) await initdbInOwnProcess(pgdata, pgliteStartParams(settings));
  const changes = await writeSettingsToConf(pgdata, settings);
  if (!isNew && changes.length > 0) {
    log?.info(
      { dataDir: pgdata, changed: changes.map((c) => `${c.name}: ${c.from ?? 'default'} -> ${c.to}`) },
      'embedded database: Postgres settings updated in postgresql.conf (HIPWISE_PG_SETTINGS overrides them)',
    );
  }
}
