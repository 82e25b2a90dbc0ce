import { randomUUID } from 'node:crypto';
import { bodyFor, type Client, type Write } from './numbered-writes.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A promise with its resolve function, for "the server is up again" and "enough acks". */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * The clients of the kill test: each signs up as its own user and writes one numbered write after
 * another, each with a fresh idempotency key. A write left unanswered (the server died) is sent
 * again with the same key once the server is back.
 */
export function writers(server: { readonly url: string }, stallMs: number) {
  let up = signal();
  up.resolve();
  let serverUp = true;
  let finishing = false;
  let roundAcks = 0;
  let enough = signal();
  let roundTarget = Infinity;
  let lastAckAt = Date.now();
  let failure: Error | undefined;
  let clients: Client[] = [];
  let loops: Promise<void>[] = [];

  const post = (c: Client, path: string, body: unknown, key?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(c.cookie ? { cookie: c.cookie } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    });

  async function send(c: Client, w: Write): Promise<'acked' | 'no-answer'> {
    let res: Response;
    let json: { session?: { id: string; createdAt: string } };
    try {
      res = await post(c, '/api/stress/sessions', w.body, w.key);
      json = (await res.json()) as typeof json;
    } catch {
      return 'no-answer'; // the connection died: the write may or may not have been stored
    }
    if ((res.status !== 200 && res.status !== 201) || !json.session) {
      throw new Error(`write ${w.key} was answered ${res.status}: ${JSON.stringify(json)}`);
    }
    w.ack = { id: json.session.id, createdAt: json.session.createdAt };
    return 'acked';
  }

  async function clientLoop(c: Client): Promise<void> {
    while (!failure) {
      if (!c.pending) {
        if (finishing) return;
        const seq = c.writes.length;
        c.pending = { seq, key: randomUUID(), body: bodyFor(seq) };
        c.writes.push(c.pending);
      }
      const w = c.pending;
      if ((await send(c, w)) === 'acked') {
        c.pending = undefined;
        lastAckAt = Date.now();
        if (!finishing && ++roundAcks >= roundTarget) enough.resolve();
        continue;
      }
      // No answer: wait for the server to be back, then send the same key again.
      if (serverUp) await sleep(50);
      else await up.promise;
    }
  }

  async function signUp(i: number): Promise<Client> {
    const c: Client = { email: `kill-${i}-${randomUUID()}@example.org`, cookie: '', userId: '', writes: [] };
    const res = await post(c, '/api/auth/signup', {
      email: c.email,
      password: 'a long enough password',
      timeZone: 'UTC',
    });
    const body = (await res.json()) as { user?: { id: string } };
    if (res.status !== 201 || !body.user)
      throw new Error(`sign-up answered ${res.status}: ${JSON.stringify(body)}`);
    c.cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    c.userId = body.user.id;
    return c;
  }

  /** Waits for `p`, failing when a client failed or no write has been acknowledged for `stallMs`. */
  async function watched(p: Promise<unknown>, what: string): Promise<void> {
    let done = false;
    const settled = p.then(() => (done = true));
    for (;;) {
      await Promise.race([settled, sleep(500)]);
      if (failure) throw failure;
      if (done) return;
      if (Date.now() - lastAckAt > stallMs)
        throw new Error(`${what}: no write was acknowledged for ${stallMs} ms`);
    }
  }

  return {
    get clients(): readonly Client[] {
      return clients;
    },

    /** Signs up `count` clients and sets them writing. */
    async start(count: number): Promise<void> {
      clients = await Promise.all(Array.from({ length: count }, (_, i) => signUp(i)));
      loops = clients.map((c) =>
        clientLoop(c).catch((err: unknown) => {
          failure ??= err instanceof Error ? err : new Error(String(err));
        }),
      );
    },

    /** Resolves once `target` more writes have been acknowledged. */
    async acks(target: number, what: string): Promise<void> {
      roundAcks = 0;
      roundTarget = target;
      enough = signal();
      await watched(enough.promise, what);
    },

    /** The server is about to die: unanswered writes wait for `back` instead of retrying. Returns this round's acks. */
    down(): number {
      serverUp = false;
      up = signal();
      return roundAcks;
    },

    /** Marks the writes in flight as cut off at `killedAt`; returns how many there were. */
    cutOff(killedAt: number): number {
      const inFlight = clients.filter((c) => c.pending);
      for (const c of inFlight) c.pending!.cutOffAt = killedAt;
      return inFlight.length;
    },

    /**
     * The answer to a client's last acknowledged write may as well have been lost: sending it
     * again after the restart must give the first answer back, not a second row.
     */
    async replayLastAcked(): Promise<{ replayed: number; problems: string[] }> {
      let replayed = 0;
      const problems: string[] = [];
      await Promise.all(
        clients.map(async (c) => {
          const last = c.writes.findLast((w) => w.ack);
          if (!last?.ack) return;
          const first = last.ack;
          const again = await send(c, last);
          replayed++;
          if (again !== 'acked' || last.ack.id !== first.id) {
            problems.push(
              `replay of acknowledged write ${last.key} after restart got ${JSON.stringify(last.ack)}, first answer ${JSON.stringify(first)}`,
            );
          }
        }),
      );
      return { replayed, problems };
    },

    /** The server answers again: waiting writes are retried with their keys. */
    back(): void {
      lastAckAt = Date.now();
      serverUp = true;
      up.resolve();
    },

    /** Lets every client get its last write answered, then stops sending. */
    async finish(): Promise<void> {
      finishing = true;
      await watched(Promise.all(loops), 'the last retries');
    },

    /** Stops every client loop (after a failure, or when done). */
    stop(): void {
      failure ??= new Error('stopped');
    },
  };
}
