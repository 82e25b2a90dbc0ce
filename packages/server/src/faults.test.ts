import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runKillScenario } from './testing/kill/scenario.js';
import { DATABASE_KINDS, freshDatabase, skipPostgres } from './testing/test-databases.js';

/**
 * Issue 7: kill -9 the real server while 8 clients write, restart it on the same store, let the
 * clients retry with their keys, several times over: nothing acknowledged is lost, nothing
 * doubled. PGlite gets one kill fewer because each of its starts spends seconds compiling its
 * WebAssembly; `npm run bench:faults` runs ten kills per store and prints the figures.
 */
const ROUNDS = { pglite: 2, postgres: 3 } as const;
const MIN_ACKS = 15;

for (const kind of DATABASE_KINDS) {
  test(
    `${kind}: SIGKILL mid-stream loses no acknowledged write and doubles none`,
    { skip: skipPostgres(kind) },
    async () => {
      const fresh = kind === 'postgres' ? await freshDatabase('postgres', { migrated: false }) : undefined;
      try {
        const r = await runKillScenario({
          kind,
          clients: 8,
          rounds: ROUNDS[kind],
          acksBeforeKill: [MIN_ACKS, 30],
          seed: 42,
          ...(fresh?.url ? { databaseUrl: fresh.url } : {}),
        });
        assert.deepEqual(r.problems, []);
        assert.equal(r.lost, 0, 'acknowledged writes lost');
        assert.equal(r.duplicates, 0, 'writes stored twice');
        // Not vacuous: writes were acknowledged before every kill, some were cut off in flight and
        // retried, and acknowledged ones were sent again after each restart.
        assert.equal(r.rounds.length, ROUNDS[kind]);
        for (const round of r.rounds) assert.ok(round.ackedBeforeKill >= MIN_ACKS, JSON.stringify(round));
        assert.ok(r.retried > 0, 'no write was in flight at any kill');
        assert.ok(r.replayed > 0, 'no acknowledged write was sent again after a restart');
        assert.ok(r.acked >= r.ackedBeforeKill, JSON.stringify(r));
        // PGlite: every kill left the dead process's pid file behind, and every restart took it over.
        if (kind === 'pglite')
          assert.ok(
            r.rounds.every((x) => x.staleLock),
            JSON.stringify(r.rounds),
          );
        assert.ok(r.cleanShutdown, 'the final SIGTERM stop exited 0 and released the store');
      } finally {
        await fresh?.drop();
      }
    },
  );
}
