/**
 * `npm run bench:caseload`: the clinician's caseload on PostgreSQL, and what one active member
 * costs a day.
 *
 * 1. Caseload. A throw-away PostgreSQL (scripts/pg-temp.mjs, durable defaults) or DATABASE_URL
 *    gets one clinician and --members (500) consenting members with --weeks (8) of history,
 *    written in set-based SQL: check-ins on about four days in five, exercise sessions on about
 *    half the days (some stopped for pain), breathing practice, PEG weekly, RMDQ every 14 days,
 *    STarT Back once, walking-break events (present/away pairs) every working day, screenings
 *    (one in ten not clear), programme changes for some. The real server is started
 *    (`startServer`, listening on a port) and the caseload is asked over HTTP, one request after
 *    another, with p50/p95/max printed for each case:
 *    - the first read after seeding: no member has a cached line yet (one request);
 *    - cold: every cached line made stale before each request (--cold-requests, 20);
 *    - the default view and a filtered, sorted later page, with nothing written in between
 *      (--requests, 100, after --warmup, 10);
 *    - a mix: before each request (untimed) --writers-percent (5) of the members, chosen at random,
 *      write today's check-in or an exercise session, so their lines are computed again
 *      (--requests). The writes go straight into the tables: the same triggers fire as for the
 *      API's writes, whose own cost is not what is measured here.
 *    The target, p95 < 150 ms for the default view, is judged on the default view and the mix.
 * 2. A member's day. --day-members (20) fresh members each go through one day of use as the app
 *    calls the API (bench/member-day.ts, the day bench/footprint-bench.ts also plays, after a
 *    seeded sign-in, screening and baseline), and the bench counts requests, rows added (every
 *    table) and bytes (sum of pg_column_size over the new rows, and the growth of the database's
 *    files, indexes included). Prints per member and day.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '@hipwise/server';
import {
  baselineBody,
  hashPassword,
  loadMigrations,
  migrate,
  NO_RED_FLAGS,
  openDatabase,
  seedAccount,
  type Database,
} from '@hipwise/server/testing';
import { ApiClient, memberDay } from './member-day.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const TARGET_P95_MS = 150;

function numberOption(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const v = Number(raw ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const MEMBERS = numberOption('members', 500);
const WEEKS = numberOption('weeks', 8);
const REQUESTS = numberOption('requests', 100);
const WARMUP = numberOption('warmup', 10);
const DAY_MEMBERS = numberOption('day-members', 20);
const COLD_REQUESTS = numberOption('cold-requests', 20);
const WRITERS_PERCENT = numberOption('writers-percent', 5);

/** Everything for the caseload in set-based statements: 500 members take seconds, not minutes. */
async function seedCaseload(db: Database, clinicianId: string, passwordHash: string): Promise<void> {
  const days = WEEKS * 7;
  const tag = randomBytes(3).toString('hex');
  await db.query(
    `INSERT INTO users (email, password_hash, time_zone, created_at)
     SELECT 'member-' || $1 || '-' || i || '@example.org', $2,
       (ARRAY['Europe/Berlin','America/New_York','UTC','Asia/Tokyo','Australia/Sydney'])[1 + i % 5],
       now() - ($3 || ' days')::interval
     FROM generate_series(1, $4) AS i`,
    [tag, passwordHash, String(days + 1), MEMBERS],
  );
  const members = `SELECT id, row_number() OVER (ORDER BY email) AS n, created_at FROM users
    WHERE email LIKE 'member-${tag}-%'`;
  await db.query(
    `INSERT INTO consents (member_id, clinician_id, share_notes, granted_at)
     SELECT id, $1, n % 3 = 0, created_at FROM (${members}) m`,
    [clinicianId],
  );
  const flagged = { ...NO_RED_FLAGS, cancer_history: true };
  await db.query(
    `INSERT INTO screenings (user_id, answers, outcome, created_at)
     SELECT id, CASE WHEN n % 10 = 0 THEN $1::jsonb ELSE $2::jsonb END,
       CASE WHEN n % 10 = 0 THEN 'see_clinician' ELSE 'clear' END, created_at
     FROM (${members}) m`,
    [JSON.stringify(flagged), JSON.stringify(NO_RED_FLAGS)],
  );
  await db.query(
    `INSERT INTO baselines (user_id, pain_now, pain_week_average, peg_pain, peg_enjoyment, peg_activity,
       peg_score, sitting_hours_per_workday, stress, created_at, updated_at)
     SELECT id, 5, 4 + n % 4, 5, 4, 5, 4.7, 8, 5, created_at, created_at FROM (${members}) m`,
  );
  // Days counted back from today; a stable pseudo-random choice per member and day.
  const perDay = `SELECT m.id, m.n, d, (current_date - d) AS day,
      abs(hashtext(m.id::text || d::text)) % 100 AS r
    FROM (${members}) m CROSS JOIN generate_series(1, ${days}) AS d`;
  await db.query(
    `INSERT INTO checkins (user_id, day, pain, stress, note, created_at, updated_at)
     SELECT id, day, greatest(0, least(10, 3 + r % 5 - (d < 7 AND n % 7 = 0)::int * -3)), r % 8,
       CASE WHEN r < 20 THEN 'Long day at the desk.' END, day + time '19:00', day + time '19:00'
     FROM (${perDay}) x WHERE r < 80`,
  );
  await db.query(
    `INSERT INTO exercise_sessions (user_id, day, variant, planned_sets, planned_hold_seconds,
       achieved_hold_seconds, form_scores, good_form_seconds, pain_before, pain_after, stopped_early, created_at)
     SELECT id, day, 'chair', 3, 10,
       CASE WHEN r % 50 = 1 THEN '[4]'::jsonb ELSE '[10,10,10]'::jsonb END,
       CASE WHEN r % 50 = 1 THEN '[null]'::jsonb ELSE '[null,null,null]'::jsonb END,
       CASE WHEN r % 50 = 1 THEN '[null]'::jsonb ELSE '[null,null,null]'::jsonb END,
       CASE WHEN r % 50 = 1 THEN NULL ELSE 4 END, CASE WHEN r % 50 = 1 THEN NULL ELSE 3 END,
       CASE WHEN r % 50 = 1 THEN 'pain' ELSE 'none' END, day + time '12:30'
     FROM (${perDay}) x WHERE r % 2 = 0`,
  );
  await db.query(
    `INSERT INTO stress_sessions (user_id, day, planned_minutes, duration_seconds, inhale_seconds,
       exhale_seconds, stress_before, stress_after, created_at)
     SELECT id, day, 3, 180, 4, 6, 6, 4, day + time '17:00' FROM (${perDay}) x WHERE r % 3 = 0`,
  );
  await db.query(
    `INSERT INTO questionnaire_responses (user_id, instrument_id, instrument_version, answers, scores, day,
       created_at, updated_at, completed_at)
     SELECT id, inst, '1', '{}'::jsonb,
       CASE inst WHEN 'start_back' THEN jsonb_build_object('total', 4 + n % 5, 'psychosocial', n % 5,
         'risk', (ARRAY['low','medium','high'])[1 + n % 3]) ELSE jsonb_build_object('total', 3 + r % 6) END,
       day, day + time '18:00', day + time '18:00', day + time '18:00'
     FROM (${perDay}) x CROSS JOIN LATERAL (VALUES ('peg'), ('rmdq'), ('start_back')) AS q(inst)
     WHERE (inst = 'peg' AND d % 7 = 0) OR (inst = 'rmdq' AND d % 14 = 3) OR (inst = 'start_back' AND d = ${days} - 1)`,
  );
  await db.query(
    `INSERT INTO break_events (user_id, at_ms, type, event, received_at)
     SELECT id, extract(epoch FROM day + time '09:00' + k * interval '40 minutes')::bigint * 1000,
       CASE WHEN k % 2 = 0 THEN 'present' ELSE 'away' END,
       jsonb_build_object('type', CASE WHEN k % 2 = 0 THEN 'present' ELSE 'away' END),
       day + time '09:00' + k * interval '40 minutes'
     FROM (${perDay}) x CROSS JOIN generate_series(0, 11) AS k WHERE r < 70 AND extract(isodow FROM day) < 6`,
  );
  await db.query(
    `INSERT INTO programme_changes (member_id, clinician_id, clinician_email, kind, payload, created_at)
     SELECT id, $1, 'clinician@example.org', 'hold_level', '{"variant":"chair","level":2}', now() - interval '10 days'
     FROM (${members}) m WHERE n % 8 = 0`,
    [clinicianId],
  );
  await db.exec('ANALYZE');
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

interface Timing {
  p50: number;
  p95: number;
  max: number;
  bytes: number;
  n: number;
}

/** `n` requests after `warmup`, each after `before` (untimed). */
async function timeRequests(
  url: string,
  cookie: string,
  n: number,
  warmup: number,
  before: () => Promise<void> = async () => {},
): Promise<Timing> {
  const once = async () => {
    await before();
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body}`);
    return { ms: performance.now() - t0, bytes: body.length };
  };
  for (let i = 0; i < warmup; i++) await once();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const r = await once();
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN, bytes, n };
}

/** Rows in every table of ours and the sum of their sizes, for before/after a member's day. */
async function tableTotals(db: Database): Promise<{ rows: number; bytes: number; files: number }> {
  const tables = await db.query<{ relname: string }>(
    `SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname <> 'schema_migrations'`,
  );
  let rows = 0;
  let bytes = 0;
  for (const { relname } of tables) {
    const [r] = await db.query<{ n: string; b: string | null }>(
      `SELECT count(*) AS n, sum(pg_column_size(t.*)) AS b FROM "${relname}" t`,
    );
    rows += Number(r?.n ?? 0);
    bytes += Number(r?.b ?? 0);
  }
  const [size] = await db.query<{ s: string }>('SELECT pg_database_size(current_database()) AS s');
  return { rows, bytes, files: Number(size?.s ?? 0) };
}

/** `n` members chosen at random write: half today's check-in (new or changed), half a session. */
async function someoneWrites(db: Database, ids: readonly string[], n: number): Promise<void> {
  const pool = [...ids];
  const chosen = Array.from(
    { length: Math.min(n, pool.length) },
    () => pool.splice(Math.floor(Math.random() * pool.length), 1)[0]!,
  );
  const half = Math.ceil(n / 2);
  await db.query(
    `INSERT INTO checkins (user_id, day, pain, stress, created_at, updated_at)
     SELECT id, current_date, 3 + floor(random() * 5)::int, 4, now(), now() FROM unnest($1::uuid[]) AS id
     ON CONFLICT (user_id, day) DO UPDATE SET pain = EXCLUDED.pain, updated_at = EXCLUDED.updated_at`,
    [chosen.slice(0, half)],
  );
  await db.query(
    `INSERT INTO exercise_sessions (user_id, day, variant, planned_sets, planned_hold_seconds,
       achieved_hold_seconds, form_scores, good_form_seconds, pain_before, pain_after, stopped_early, created_at)
     SELECT id, current_date, 'chair', 3, 10, '[10,10,10]', '[null,null,null]', '[null,null,null]', 4, 3, 'none', now()
     FROM unnest($1::uuid[]) AS id`,
    [chosen.slice(half)],
  );
}

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  let stopPg = async () => {};
  if (!databaseUrl) {
    const pgTemp = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'pg-temp.mjs')).href)) as {
      startTempPostgres(o: { durable: boolean }): Promise<{ url: string; stop(): Promise<void> }>;
    };
    const pg = await pgTemp.startTempPostgres({ durable: true });
    databaseUrl = pg.url;
    stopPg = () => pg.stop();
    console.log('postgres: throw-away server from scripts/pg-temp.mjs (durable defaults)');
  } else {
    console.log('postgres: DATABASE_URL (use an empty database: the bench adds 500 members)');
  }
  const config = { databaseUrl, dataDir: 'unused', dbPoolSize: 4 };
  const db = await openDatabase(config);
  const server = { close: async () => {} };
  try {
    await migrate(db, await loadMigrations());
    const passwordHash = await hashPassword('a long enough password');
    const now = new Date();
    const clinician = await seedAccount(db, {
      email: `clinician-${randomBytes(3).toString('hex')}@example.org`,
      passwordHash,
      timeZone: 'Europe/Berlin',
      joined: new Date(now.getTime() - 90 * 86_400_000),
      now,
      baseline: baselineBody(),
    });
    await db.query(`UPDATE users SET role = 'clinician' WHERE id = $1`, [clinician.user.id]);
    const t0 = performance.now();
    await seedCaseload(db, clinician.user.id, passwordHash);
    const [counts] = await db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM checkins) AS checkins, (SELECT count(*) FROM exercise_sessions) AS sessions,
         (SELECT count(*) FROM questionnaire_responses) AS questionnaires,
         (SELECT count(*) FROM break_events) AS break_events, (SELECT count(*) FROM stress_sessions) AS breathing`,
    );
    console.log(
      `seeded ${MEMBERS} consenting members, ${WEEKS} weeks each, in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
        Object.entries(counts ?? {})
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    );

    const running = await startServer({
      host: '127.0.0.1',
      port: 0,
      databaseUrl,
      dbPoolSize: 4,
      logLevel: 'warn',
      webDir: undefined,
    });
    server.close = () => running.close();
    const base = running.url;

    const defaultView = `${base}/api/clinician/caseload`;
    const laterPage = `${defaultView}?sort=pain_change&flag=any&page=2`;
    const report = (name: string, r: Timing, target = false) => {
      const verdict = r.p95 < TARGET_P95_MS ? 'PASS' : 'MISS';
      console.log(
        `${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ` +
          `${r.bytes} bytes (${r.n} requests)${target ? `  target p95 < ${TARGET_P95_MS} ms: ${verdict}` : ''}`,
      );
      return !target || r.p95 < TARGET_P95_MS;
    };
    const ids = (await db.query<{ member_id: string }>('SELECT member_id FROM consents')).map(
      (r) => r.member_id,
    );
    let pass = true;
    report(
      'caseload, first read after seeding (no cached line yet)',
      await timeRequests(defaultView, clinician.cookie, 1, 0),
    );
    report(
      'caseload, cold (every cached line stale before each request)',
      await timeRequests(defaultView, clinician.cookie, COLD_REQUESTS, 0, async () => {
        await db.query('UPDATE caseload_cache SET state = NULL');
      }),
    );
    pass =
      report(
        'caseload (attention, page 1 of 25), nothing written between requests',
        await timeRequests(defaultView, clinician.cookie, REQUESTS, WARMUP),
        true,
      ) && pass;
    report(
      'caseload (sorted by pain change, flagged only, page 2), nothing written between requests',
      await timeRequests(laterPage, clinician.cookie, REQUESTS, WARMUP),
    );
    const writers = Math.max(1, Math.round((ids.length * WRITERS_PERCENT) / 100));
    pass =
      report(
        `caseload (attention, page 1 of 25), ${writers} members (${WRITERS_PERCENT}%) writing before each request`,
        await timeRequests(defaultView, clinician.cookie, REQUESTS, 0, () => someoneWrites(db, ids, writers)),
        true,
      ) && pass;

    // A member's day.
    const dayMembers = [];
    for (let i = 0; i < DAY_MEMBERS; i++) {
      dayMembers.push(
        await seedAccount(db, {
          email: `day-${randomUUID()}@example.org`,
          passwordHash,
          timeZone: 'Europe/Berlin',
          joined: new Date(now.getTime() - 86_400_000),
          now,
          baseline: baselineBody(),
        }),
      );
    }
    await db.exec('VACUUM');
    const before = await tableTotals(db);
    let requests = 0;
    for (const m of dayMembers) {
      const api = new ApiClient(base, m.cookie);
      await memberDay(api, { withPage: false });
      requests += api.requests;
    }
    await db.exec('VACUUM');
    const after = await tableTotals(db);
    const per = (x: number) => x / DAY_MEMBERS;
    console.log(
      `one active member's day (${DAY_MEMBERS} members): ${per(requests).toFixed(0)} requests, ` +
        `${per(after.rows - before.rows).toFixed(0)} rows, ${(per(after.bytes - before.bytes) / 1024).toFixed(1)} KiB of row data, ` +
        `${(per(after.files - before.files) / 1024).toFixed(1)} KiB of database files (indexes and pages included)`,
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await server.close();
    await db.close();
    await stopPg();
  }
}

await main();
