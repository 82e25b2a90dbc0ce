import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  MAX_SERVER_FAILURES,
  OUTBOX_KINDS,
  RETRY_MAX_MS,
  afterAttempt,
  nextStep,
  refusedItems,
  retryDelayMs,
  verdictOf,
  waitingItems,
  type OutboxItem,
} from './outbox.js';

const NOW = Date.UTC(2026, 11, 7, 9, 0);
const ERR = {
  code: 'validation',
  message: 'The request is not valid: note must not contain NUL characters.',
};

function item(seq: number, over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    seq,
    userId: 'u1',
    kind: 'checkin',
    body: { pain: 3, stress: 2 },
    idempotencyKey: `key-${seq}-abcdef`,
    createdAt: NOW - 60_000,
    attempts: 0,
    serverFailures: 0,
    notBefore: 0,
    refused: null,
    ...over,
  };
}

describe('the outbox verdicts', () => {
  test('no answer, a busy server and a rate limit are tried again later', () => {
    for (const s of [0, 408, 429, 500, 502, 503, 504]) assert.equal(verdictOf(s), 'retry', String(s));
  });
  test('the server saying no is shown to the user', () => {
    for (const s of [400, 403, 404, 409, 413, 422]) assert.equal(verdictOf(s), 'refused', String(s));
  });
  test('a lost session stops sending; 2xx is sent', () => {
    assert.equal(verdictOf(401), 'signed-out');
    for (const s of [200, 201, 204]) assert.equal(verdictOf(s), 'sent');
  });
});

describe('the order of sending', () => {
  test('the oldest waiting item of this user goes first, whatever order the store lists them in', () => {
    const items = [item(3), item(1, { userId: 'u2' }), item(2), item(4)];
    assert.deepEqual(nextStep(items, 'u1', NOW), { do: 'send', item: items[2] });
    assert.equal(nextStep(items, 'u2', NOW).do, 'send');
    assert.deepEqual(nextStep(items, 'u3', NOW), { do: 'nothing' });
  });

  test('a refused item steps aside; a waiting one holds back every later item', () => {
    const refused = item(1, { refused: { status: 422, ...ERR } });
    const waiting = item(2, { notBefore: NOW + 7_000, attempts: 1 });
    const later = item(3);
    assert.deepEqual(nextStep([refused, waiting, later], 'u1', NOW), { do: 'wait', ms: 7_000 });
    assert.deepEqual(nextStep([refused, waiting, later], 'u1', NOW, true), { do: 'send', item: waiting });
    assert.deepEqual(nextStep([refused, waiting, later], 'u1', NOW + 7_000), { do: 'send', item: waiting });
    assert.deepEqual(
      refusedItems([later, refused], 'u1').map((i) => i.seq),
      [1],
    );
    assert.deepEqual(
      waitingItems([later, refused, waiting], 'u1').map((i) => i.seq),
      [2, 3],
    );
  });

  test('property: items are sent in the order they were made, each once, and only the user’s own', () => {
    const arb = fc.array(
      fc.record({ user: fc.constantFrom('u1', 'u2'), kind: fc.constantFrom(...OUTBOX_KINDS) }),
      {
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(arb, fc.array(fc.constantFrom(0, 201, 503), { maxLength: 60 }), (made, answers) => {
        let store: OutboxItem[] = made.map((m, i) => item(i + 1, { userId: m.user, kind: m.kind }));
        store = [...store].reverse(); // the store's own order must not matter
        const sent: number[] = [];
        let now = NOW;
        for (const status of [...answers, ...store.map(() => 201)]) {
          const step = nextStep(store, 'u1', now, true);
          if (step.do !== 'send') break;
          assert.equal(step.item.userId, 'u1');
          const after = afterAttempt(step.item, status, ERR, now, 0.5);
          if (after.do === 'remove') sent.push(step.item.seq);
          store = store.filter((i) => i.seq !== step.item.seq);
          if (after.do === 'keep') store.push(after.item);
          now += 1_000;
        }
        const mine = made.flatMap((m, i) => (m.user === 'u1' ? [i + 1] : []));
        const refused = refusedItems(store, 'u1').map((i) => i.seq);
        // Sent in order, none twice, and every item of u1 either sent or (after too many server
        // errors) set aside for the user; u2's untouched.
        assert.deepEqual(
          sent,
          [...sent].sort((a, b) => a - b),
        );
        assert.equal(new Set(sent).size, sent.length);
        assert.deepEqual(
          [...sent, ...refused].sort((a, b) => a - b),
          mine,
        );
        assert.equal(store.filter((i) => i.userId === 'u2').length, made.length - mine.length);
      }),
    );
  });
});

describe('after an attempt', () => {
  test('sent: removed; 401: stop and keep it as it is', () => {
    assert.deepEqual(afterAttempt(item(1), 201, ERR, NOW, 0), { do: 'remove' });
    assert.deepEqual(afterAttempt(item(1), 401, ERR, NOW, 0), { do: 'stop' });
  });

  test('refused: kept with the server’s status and message, never sent again', () => {
    for (const status of [400, 409, 422]) {
      const after = afterAttempt(item(1), status, ERR, NOW, 0);
      assert.equal(after.do, 'keep');
      if (after.do !== 'keep') return;
      assert.deepEqual(after.item.refused, { status, ...ERR });
      assert.deepEqual(nextStep([after.item], 'u1', NOW, true), { do: 'nothing' });
    }
  });

  test('no answer: tried again later, as long as it takes', () => {
    let it = item(1);
    for (let n = 1; n <= 50; n++) {
      const after = afterAttempt(it, 0, ERR, NOW, 1);
      assert.equal(after.do, 'keep');
      if (after.do !== 'keep') return;
      it = after.item;
    }
    assert.equal(it.refused, null);
    assert.equal(it.attempts, 50);
    assert.equal(it.notBefore, NOW + RETRY_MAX_MS);
  });

  test('a server that keeps failing: backs off, then sets the item aside for the user', () => {
    let it = item(1);
    const waits: number[] = [];
    for (let n = 1; n < MAX_SERVER_FAILURES; n++) {
      const after = afterAttempt(it, n % 2 ? 503 : 429, ERR, NOW, 1);
      assert.equal(after.do, 'keep');
      if (after.do !== 'keep') return;
      assert.equal(after.item.refused, null);
      waits.push(after.item.notBefore - NOW);
      it = after.item;
    }
    assert.deepEqual(waits.slice(0, 4), [5_000, 10_000, 20_000, 40_000]);
    const last = afterAttempt(it, 500, ERR, NOW, 1);
    assert.equal(last.do === 'keep' && last.item.refused?.status, 500);
  });
});

describe('the wait between attempts', () => {
  test('doubles up to five minutes, spread over its upper half', () => {
    assert.equal(retryDelayMs(1, 1), 5_000);
    assert.equal(retryDelayMs(1, 0), 2_500);
    assert.equal(retryDelayMs(3, 1), 20_000);
    assert.equal(retryDelayMs(1_000, 1), RETRY_MAX_MS);
  });

  test('property: never less than half, never more than the cap, never shrinking', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const d = retryDelayMs(n, r);
        assert.ok(d >= 2_500 && d <= RETRY_MAX_MS, String(d));
        assert.ok(retryDelayMs(n + 1, 1) >= retryDelayMs(n, 1));
      }),
    );
  });
});
