import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RED_FLAG_IDS } from '@hipwise/core';
import type { Database } from '../db/database.js';
import { loadMigrations } from '../db/migrate.js';
import { DATABASE_KINDS, freshDatabase, skipPostgres, type DatabaseKind } from '../testing/test-databases.js';
import { checkinCall, sessionCookieOf, testApp } from '../testing/test-app.js';
import { grantConsent, makeClinician } from '../testing/consent-support.js';
import { backupDatabase } from './backup.js';
import { BackupError } from './backup-format.js';
import { restoreDatabase } from './restore.js';
import { tablesInDependencyOrder } from './table-order.js';
import { baselineBody, chairSession } from '../testing/fixtures.js';

const dir = await mkdtemp(join(tmpdir(), 'hw-backup-'));
after(() => rm(dir, { recursive: true, force: true }));
let n = 0;
const newFile = () => join(dir, `backup-${n++}.jsonl`);

/** Every row of every table, as sorted JSON text: two databases hold the same data iff equal. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await tablesInDependencyOrder(db)) {
    const rows = await db.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM "${t}" x`);
    out[t] = rows.map((r) => r.j).sort();
  }
  return out;
}

/** A database with two users' worth of real data, written through the API. */
async function seeded(kind: DatabaseKind) {
  const fresh = await freshDatabase(kind);
  const t = await testApp(kind, { database: fresh.db });
  const clinician = await t.newUser({ timeZone: 'Europe/Berlin' });
  await makeClinician(t.db, clinician.id);
  for (const tz of ['Europe/London', 'Asia/Tokyo']) {
    const u = await t.newUser({ timeZone: tz, madeAt: new Date('2026-03-01T00:00:00Z') });
    await grantConsent(t.db, { memberId: u.id, clinicianId: clinician.id });
    await u.call('/api/screenings', {
      json: { answers: Object.fromEntries(RED_FLAG_IDS.map((id) => [id, id === 'trauma'])) },
    });
    await u.call('/api/baseline', {
      method: 'PUT',
      json: baselineBody(),
    });
    await checkinCall(u, { pain: 4, stress: 3, note: 'über "quoted" \\ note, emoji 🙂' });
    // Tables with identity columns and JSON arrays must come back exactly too.
    const session = chairSession(10, { painBefore: 3 });
    await u.call('/api/exercise-sessions', { json: session, headers: { 'idempotency-key': randomUUID() } });
    await u.call('/api/break-events', {
      json: { events: [{ type: 'present', at: Date.parse('2026-03-10T09:00:00Z') }] },
    });
  }
  // The clinician's caseload leaves a cached line per member (caseload_cache), which no backup holds.
  const caseload = await clinician.call('/api/clinician/caseload');
  assert.equal(caseload.status, 200);
  return { ...fresh, app: t, clinician, caseload: await caseload.text() };
}

const pairs: Array<[DatabaseKind, DatabaseKind]> = [];
for (const from of DATABASE_KINDS) for (const to of DATABASE_KINDS) pairs.push([from, to]);

for (const [from, to] of pairs) {
  const skip = skipPostgres(from) || skipPostgres(to);
  describe(`backup from ${from}, restore into ${to}`, { skip }, () => {
    test('the restored database holds exactly the same rows, and the users can log in', async () => {
      const source = await seeded(from);
      const target = await freshDatabase(to);
      try {
        const file = newFile();
        const written = await backupDatabase(source.db, file, new Date('2026-03-10T12:00:00Z'));
        assert.equal(written['users'], 3);
        assert.equal(written['caseload_cache'], undefined);
        const cached = await source.db.query('SELECT 1 FROM caseload_cache WHERE state IS NOT NULL');
        assert.equal(cached.length, 2);
        assert.equal(written['checkins'], 2);
        assert.equal(written['exercise_sessions'], 2);
        assert.equal(written['break_events'], 2);
        const restored = await restoreDatabase(target.db, file, await loadMigrations());
        assert.deepEqual(restored, written);
        assert.deepEqual(await snapshot(target.db), await snapshot(source.db));

        const app = await testApp(to, { database: target.db });
        const login = await app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: source.clinician.email, password: 'a long enough password' }),
        });
        assert.equal(login.status, 200);
        // The caseload is computed again from the restored rows, to the same lines.
        const caseload = await app.request('/api/clinician/caseload', {
          headers: { cookie: sessionCookieOf(login) },
        });
        assert.equal(await caseload.text(), source.caseload);
      } finally {
        await source.drop();
        await target.drop();
      }
    });
  });
}

for (const kind of DATABASE_KINDS) {
  describe(`restore refuses and changes nothing, on ${kind}`, { skip: skipPostgres(kind) }, () => {
    test('into a database that already holds data', async () => {
      const source = await seeded(kind);
      const target = await seeded(kind);
      try {
        const file = newFile();
        await backupDatabase(source.db, file, new Date());
        const before = await snapshot(target.db);
        await assert.rejects(
          restoreDatabase(target.db, file, await loadMigrations()),
          (e: unknown) => e instanceof BackupError && /already holds data/.test(e.message),
        );
        assert.deepEqual(await snapshot(target.db), before);
      } finally {
        await source.drop();
        await target.drop();
      }
    });

    test('a damaged or cut-off file, or one from another schema', async () => {
      const source = await seeded(kind);
      const target = await freshDatabase(kind);
      try {
        const file = newFile();
        await backupDatabase(source.db, file, new Date());
        const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
        const variants: Array<[string, string, RegExp]> = [
          ['cut', lines.slice(0, -2).join('\n'), /ends early/],
          [
            'corrupt',
            [...lines.slice(0, 3), '{"table": "users", "row": ', ...lines.slice(3)].join('\n'),
            /not valid JSON/,
          ],
          ['not a backup', 'hello\n', /not valid JSON/],
          [
            'wrong count',
            [...lines.slice(0, -2), lines.at(-1)!].join('\n'),
            /promises \d+ rows of \w+ but holds/,
          ],
          [
            'other schema',
            [lines[0]!.replace(/"checksum":"[0-9a-f]+"/, '"checksum":"0000"'), ...lines.slice(1)].join('\n'),
            /made by a hipwise with database schema/,
          ],
        ];
        for (const [name, text, message] of variants) {
          const bad = newFile();
          await writeFile(bad, text);
          await assert.rejects(restoreDatabase(target.db, bad, await loadMigrations()), message, name);
          for (const rows of Object.values(await snapshot(target.db)))
            assert.deepEqual(rows, [], `${name} wrote rows`);
        }
      } finally {
        await source.drop();
        await target.drop();
      }
    });
  });
}

test('a backup never overwrites an existing file', async () => {
  const source = await seeded('pglite');
  try {
    const file = newFile();
    await writeFile(file, 'precious');
    await assert.rejects(backupDatabase(source.db, file, new Date()), /already exists/);
    assert.equal(await readFile(file, 'utf8'), 'precious');
  } finally {
    await source.drop();
  }
});

test('a backup is readable by its owner only and never written through a planted link', async () => {
  const source = await seeded('pglite');
  try {
    const file = newFile();
    await backupDatabase(source.db, file, new Date());
    assert.equal((await stat(file)).mode & 0o777, 0o600);

    // Someone plants FILE.partial as a link to a file of ours, hoping the backup overwrites it.
    const target = newFile();
    await writeFile(target, 'precious');
    const planted = newFile();
    await symlink(target, `${planted}.partial`);
    await assert.rejects(backupDatabase(source.db, planted, new Date()), /already exists/);
    assert.equal(await readFile(target, 'utf8'), 'precious');
    await assert.rejects(stat(planted), { code: 'ENOENT' });
  } finally {
    await source.drop();
  }
});
