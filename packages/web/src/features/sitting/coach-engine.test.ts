import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { schedulerConfig, type StoredBreakEvent } from '@hipwise/core';
import { CoachEngine, storageKey, type CoachDeps } from './coach-engine';

const MIN = 60_000;
const T0 = Date.parse('2026-03-10T09:00:00Z');

/** The server said no to a batch (422): sent again, it would be refused again. */
class Refusal extends Error {}

/** A fake browser: a clock the test moves, timers that fire when it does, and a Map as storage. */
function fakeBrowser() {
  let now = T0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const store = new Map<string, string>();
  const posted: StoredBreakEvent[][] = [];
  const refused: StoredBreakEvent[][] = [];
  let failNext = 0;
  let refuseNext = 0;
  const deps: CoachDeps = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id),
    storage: {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    },
    post: (events) => {
      posted.push([...events]);
      if (failNext > 0) {
        failNext -= 1;
        return Promise.reject(new Error('offline'));
      }
      if (refuseNext > 0) {
        refuseNext -= 1;
        return Promise.reject(new Refusal('an event is dated ahead of the server'));
      }
      return Promise.resolve();
    },
    notify: () => undefined,
    isFatal: () => false,
    isRefusal: (e) => e instanceof Refusal,
    keepRefused: (events) => {
      refused.push([...events]);
      return Promise.resolve();
    },
  };
  return {
    deps,
    store,
    posted,
    refused,
    failNextPosts: (n: number) => void (failNext = n),
    refuseNextPosts: (n: number) => void (refuseNext = n),
    /** Move time forward, firing due timers in order (as a browser would, late or not). */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        await Promise.resolve();
      }
      now = end;
      await new Promise((r) => setImmediate(r));
    },
  };
}

const config = schedulerConfig({ workMinutes: 10, breakMinutes: 2, graceMinutes: 0 }, 'UTC');

/** Keep "working": page input every 20 s for `minutes`. */
async function work(b: ReturnType<typeof fakeBrowser>, engine: CoachEngine, minutes: number) {
  for (let s = 0; s < minutes * 60; s += 20) {
    engine.send({ type: 'activity', at: b.deps.now() });
    await b.advance(20_000);
  }
}

describe('the coach engine in the browser', () => {
  test('a break shows after the work interval, from timers alone', async () => {
    const b = fakeBrowser();
    const engine = new CoachEngine('u1', config, b.deps);
    const screen = () => engine.snapshot.screen;
    await work(b, engine, 11);
    assert.equal(screen()?.kind, 'walk');
    engine.send({ type: 'postpone', at: b.deps.now(), minutes: 2 });
    assert.equal(screen(), null);
    await work(b, engine, 2.5);
    assert.equal(screen()?.kind, 'walk', 'the postponed break returns');
    await b.advance(2 * MIN + 1000);
    assert.equal(screen(), null, 'the break ends by itself');
    assert.match(engine.snapshot.toast?.text ?? '', /Break over/);
  });

  test('state survives a reload; the gap while closed is an absence, not work', async () => {
    const b = fakeBrowser();
    const first = new CoachEngine('u1', config, b.deps);
    await work(b, first, 6);
    first.stop();
    // Reopened a minute later: the work so far is kept.
    await b.advance(MIN);
    const again = new CoachEngine('u1', config, b.deps);
    assert.ok(again.status().walkInMs !== null && again.status().walkInMs! < 5 * MIN, 'work carried over');
    again.stop();
    // Reopened after lunch: the long gap was a natural break, and no break fires at once.
    await b.advance(60 * MIN);
    const later = new CoachEngine('u1', config, b.deps);
    assert.equal(later.snapshot.screen, null);
    assert.equal(later.status().walkInMs, 10 * MIN);
    await b.advance(1000);
    const sent = b.posted.flat();
    assert.ok(
      sent.some((e) => e.type === 'natural-break'),
      'the absence counted as a break',
    );
    assert.ok(b.store.has(storageKey('u1')));
  });

  test('failed sends are kept and retried; each event is sent until it gets through', async () => {
    const b = fakeBrowser();
    b.failNextPosts(2);
    const engine = new CoachEngine('u1', config, b.deps);
    await b.advance(0);
    assert.equal(engine.snapshot.sendFailed, true);
    assert.equal(engine.snapshot.unsent, 1);
    // Saved for a reload too.
    assert.match(b.store.get(storageKey('u1')) ?? '', /"outbox":\[\{"type":"present"/);
    await b.advance(5_000);
    await b.advance(15_000);
    assert.equal(engine.snapshot.unsent, 0);
    assert.equal(engine.snapshot.sendFailed, false);
    assert.equal(b.posted.length, 3);
    assert.deepEqual(b.posted[2], b.posted[0], 'the same batch, so the server can drop repeats');
    engine.stop();
  });

  test('a refused batch is kept to be shown, and the events after it are still sent', async () => {
    const b = fakeBrowser();
    b.refuseNextPosts(1);
    const engine = new CoachEngine('u1', config, b.deps);
    await b.advance(0);
    assert.deepEqual(
      b.refused.map((batch) => batch.map((e) => e.type)),
      [['present']],
    );
    assert.equal(engine.snapshot.unsent, 0, 'the refused batch no longer waits');
    assert.equal(engine.snapshot.sendFailed, false);
    // Later events go through at once, with no retry of the refused batch ahead of them.
    engine.send({ type: 'take-break-now', at: b.deps.now() });
    await b.advance(0);
    assert.equal(b.posted.length, 2);
    assert.equal(b.posted[1]?.[0]?.type, 'break-started');
    assert.equal(engine.snapshot.unsent, 0);
    engine.stop();
  });

  test('users on one browser keep separate state', async () => {
    const b = fakeBrowser();
    const a = new CoachEngine('a', config, b.deps);
    await work(b, a, 6);
    a.stop();
    const other = new CoachEngine('b', config, b.deps);
    assert.equal(other.status().walkInMs, 10 * MIN);
    other.stop();
  });
});
