import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { apiErrorSchema, INSTRUMENTS, RED_FLAG_IDS } from '@hipwise/core';
import { insertSession } from '../repositories/sessions.js';
import { hashToken } from '../services/auth-service.js';
import { apiRoutes, assertCoversRoutes, tableSums, type TableSum } from '../testing/api-routes.js';
import { DATABASE_KINDS, skipPostgres, type DatabaseKind } from '../testing/test-databases.js';
import { testApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { evenBaseline } from '../testing/fixtures.js';
import { adminCommand } from '../cli/admin.js';
import { argon2Hasher } from '../services/password-hasher.js';
import { accept, invite } from '../testing/practice.js';

/**
 * Property-based fuzzing of every API route's input: bodies, query strings, path
 * parameters and headers that are malformed, mistyped, oversized, deeply nested, full of unicode
 * edge cases or one field away from valid. Whatever arrives, the answer is never a 5xx, every 4xx
 * carries a JSON error with a message for people, and a refused request changes no row anywhere.
 *
 * Each route starts from one valid request (SAMPLES) and runs a few fixed "classic" attacks on
 * every field at once, then random mutations. Its seed is fixed (from its name), so a failure
 * reproduces; fast-check prints seed and path. HIPWISE_FUZZ_RUNS sets the number of random runs,
 * HIPWISE_FUZZ_SEED changes every seed.
 */

// ---------- JSON trees that can hold what JSON.stringify cannot write ----------

/** JSON text written as is: 1e309, -0, deep nesting, huge arrays. */
class Raw {
  constructor(readonly text: string) {}
}
/** An object as ordered entries, so keys such as __proto__ are written as own keys. */
class Obj {
  constructor(readonly entries: ReadonlyArray<readonly [string, Node]>) {}
}
type Node = Raw | Obj | readonly Node[] | string | number | boolean | null;
type Path = readonly number[];

const isList = (n: Node): n is readonly Node[] => Array.isArray(n);

function tree(value: unknown): Node {
  if (Array.isArray(value)) return value.map(tree);
  if (value !== null && typeof value === 'object') {
    return new Obj(Object.entries(value).map(([k, v]) => [k, tree(v)]));
  }
  return value as Node;
}

function render(n: Node): string {
  if (n instanceof Raw) return n.text;
  if (n instanceof Obj)
    return `{${n.entries.map(([k, v]) => `${JSON.stringify(k)}:${render(v)}`).join(',')}}`;
  if (isList(n)) return `[${n.map(render).join(',')}]`;
  return JSON.stringify(n);
}

const children = (n: Node): readonly Node[] =>
  n instanceof Obj ? n.entries.map(([, v]) => v) : isList(n) ? n : [];

/** Every node's path (child indexes), the root first, depth first. */
function paths(n: Node, prefix: Path = []): Path[] {
  return [prefix, ...children(n).flatMap((c, i) => paths(c, [...prefix, i]))];
}

const nodeAt = (n: Node, path: Path): Node => path.reduce<Node>((at, i) => children(at)[i]!, n);

/** `n` with the node at `path` replaced by `f(node)`, or removed when `f` gives undefined. */
function edit(n: Node, path: Path, f: (node: Node) => Node | undefined): Node | undefined {
  if (path.length === 0) return f(n);
  const [i, ...rest] = path as [number, ...number[]];
  const keep = <T>(list: readonly T[], child: (t: T) => Node, rebuild: (t: T, c: Node) => T) =>
    list.flatMap((t, j) => {
      if (j !== i) return [t];
      const out = edit(child(t), rest, f);
      return out === undefined ? [] : [rebuild(t, out)];
    });
  if (n instanceof Obj)
    return new Obj(
      keep(
        n.entries,
        ([, v]) => v,
        ([k], c) => [k, c] as const,
      ),
    );
  return keep(
    n as readonly Node[],
    (v) => v,
    (_, c) => c,
  );
}

/** Every node rewritten by `f`, children first. */
function mapAll(n: Node, f: (node: Node) => Node): Node {
  if (n instanceof Obj) return f(new Obj(n.entries.map(([k, v]) => [k, mapAll(v, f)] as const)));
  if (isList(n)) return f(n.map((v) => mapAll(v, f)));
  return f(n);
}

// ---------- hostile values ----------

const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
// prettier-ignore
const TRICKY_CHARS = ['\u0000', '\u0001', '\u007F', '\u0085', '\u00A0', '\u200B', '\u200E', '\u200F', '\u202E',
  '\u2028', '\u2029', '\uFEFF', '\uFFFD', '\uFFFF', '\u0301', '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', 'İ', '\\', '"', "'", '%',
  '/', '?', '#', '&', '=', '+', ';', ' ', '\t', '\n', '\r'];

/** One code point (or a lone surrogate), rich in the characters that break text handling. */
const trickyChar = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.constantFrom(...LONE_SURROGATES), weight: 1 },
  { arbitrary: fc.constantFrom(...TRICKY_CHARS), weight: 2 },
);
const trickyString = fc.string({ unit: trickyChar, maxLength: 24 });

// prettier-ignore
const EDGE_STRINGS = ['', ' ', '0', '-1', '1.5', 'true', 'null', 'NaN', 'Infinity', '2026-02-30', '2026-13-01',
  '0000-01-01', '9999-12-31', '1899-12-31', '2999-12-31', '1970-01-01', '2024-02-29', ' 2026-03-10', '+002026-03-10', '2026-03-10T00:00:00Z', '2026-3-1', '24:01', '23:60', 'UTC ',
  'Etc/GMT+99', '../../etc/passwd', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  "'; DROP TABLE users; --", '<script>alert(1)</script>', '{{7*7}}', 'e\u0301', 'Z\u0335\u0321\u031b\u0347',
  'a\u0000b', '\u202Eevil', 'ok\uD800'];

// prettier-ignore
const EDGE_NUMBERS = ['1e309', '-1e309', '-0', '0.0', '-0.0', '1e-400', '5e-324', '1e-310', '2.2250738585072014e-308',
  '1.4e-45', '0.5', '1.5', '0.1', '-1', '10.0', '1E1', '2147483648', '-2147483649', '32768', '9007199254740993',
  '8640000000000001', '1e21', '123456789012345678901234567890', '1e308'];

/** A JSON value that a well-behaved client would never send. */
const hostileValue: fc.Arbitrary<Node> = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_NUMBERS).map((t) => new Raw(t)), weight: 4 },
  { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 3 },
  { arbitrary: trickyString, weight: 3 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.bigInt().map((b) => new Raw(b.toString())), weight: 1 },
  { arbitrary: fc.constantFrom<Node>(null, true, false, [], new Obj([])), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }).map(tree), weight: 2 },
  // Long strings up to just under the body limit.
  { arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
  { arbitrary: fc.integer({ min: 100, max: 2_000 }).map((n) => '😀'.repeat(n)), weight: 1 },
  // Deep nesting and huge arrays.
  {
    arbitrary: fc.integer({ min: 33, max: 30_000 }).map((n) => new Raw('['.repeat(n) + ']'.repeat(n))),
    weight: 1,
  },
  {
    arbitrary: fc
      .integer({ min: 33, max: 5_000 })
      .map((n) => new Raw('{"a":'.repeat(n) + '1' + '}'.repeat(n))),
    weight: 1,
  },
  {
    arbitrary: fc.integer({ min: 1_000, max: 30_000 }).map((n) => new Raw(`[${'0,'.repeat(n)}0]`)),
    weight: 1,
  },
  // Prototype pollution.
  {
    arbitrary: fc
      .constantFrom(
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"__proto__":null}',
      )
      .map((t) => new Raw(t)),
    weight: 2,
  },
);

const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '',
    'userId',
    'user_id',
    'id',
    'k'.repeat(5_000),
  ),
  trickyString,
);

/** Near-valid: one value changed in a way that fits what it is (a string, a number, an object...). */
function valueMutation(n: Node): fc.Arbitrary<Node | undefined> {
  const common = [
    { arbitrary: hostileValue as fc.Arbitrary<Node | undefined>, weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 }, // dropped
  ];
  if (typeof n === 'string') {
    const inject = fc
      .tuple(fc.nat({ max: n.length }), fc.constantFrom(...LONE_SURROGATES, ...TRICKY_CHARS))
      .map(([i, c]) => n.slice(0, i) + c + n.slice(i));
    const retyped = fc.constantFrom<Node>(Number(n) || 0, true, [n], new Obj([['value', n]]));
    return fc.oneof(
      { arbitrary: inject, weight: 4 },
      { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 2 },
      { arbitrary: fc.integer({ min: 1, max: 60_000 }).map((k) => n + 'x'.repeat(k)), weight: 1 },
      { arbitrary: retyped, weight: 1 },
      ...common,
    );
  }
  if (typeof n === 'number') {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...EDGE_NUMBERS).map((t) => new Raw(t)), weight: 4 },
      { arbitrary: fc.constantFrom<Node>(String(n), `${n} `, [n], null, true), weight: 2 },
      { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
      ...common,
    );
  }
  if (typeof n === 'boolean') {
    return fc.oneof(
      { arbitrary: fc.constantFrom<Node>(String(n), n ? 1 : 0, 'yes', null, [n]), weight: 3 },
      ...common,
    );
  }
  if (n instanceof Obj) {
    return fc.oneof(
      // A __proto__ holding the object's own fields: the form that pollutes a copy.
      { arbitrary: fc.constant(new Obj([['__proto__', n], ...n.entries])), weight: 2 },
      {
        arbitrary: fc.tuple(hostileKey, hostileValue).map(([k, v]) => new Obj([...n.entries, [k, v]])),
        weight: 3,
      },
      {
        arbitrary: fc.constantFrom<Node>(
          new Obj([]),
          [n],
          n.entries.map(([, v]) => v),
        ),
        weight: 1,
      },
      ...common,
    );
  }
  if (isList(n)) {
    return fc.oneof(
      { arbitrary: fc.constantFrom<Node>([], [n], new Obj(n.map((v, i) => [String(i), v]))), weight: 2 },
      { arbitrary: hostileValue.map((v) => [...n, v]), weight: 2 },
      {
        arbitrary: fc.integer({ min: 2, max: 3_000 }).map((k) => Array.from({ length: k }, () => n[0] ?? 0)),
        weight: 1,
      },
      ...common,
    );
  }
  return fc.oneof(...common);
}

/** Text that is not JSON, or not only JSON. */
// prettier-ignore
const MALFORMED = ['', ' ', '{', '}', '[', ']', '{"a":', '{"a":1,}', '[1,]', "{'a':1}", '{a:1}', 'NaN', 'Infinity',
  'undefined', 'nul', 'tru', '{"a":1}{"b":2}', '{"a":1} x', '\u0000', '\uFEFF{}', '{"a":"\\x41"}', '{"a":01}',
  '{"a":.5}', '{"a":1e}', '"unterminated', '/* */{}', '{"a":1}//'];

// ---------- URLs and headers ----------

/** Percent-encoding that also writes lone surrogates (as the invalid UTF-8 bytes of WTF-8). */
function pct(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Raw pieces of a URL that decoders choke on, used unencoded. */
// prettier-ignore
const BAD_URL_PARTS = ['%', '%Z', '%ZZ', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%00', '%2F', '%2e%2e', '..', '%FF%FE',
  '%25%32%35', '+', ';', '%0A', '%0D%0A'];
const urlPart = fc.oneof(
  trickyString.map(pct),
  fc.constantFrom(...EDGE_STRINGS).map(pct),
  fc.constantFrom(...BAD_URL_PARTS),
  fc.integer({ min: 500, max: 20_000 }).map((n) => 'a'.repeat(n)),
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
);

/** Header values the fetch API lets through: Latin-1 without NUL, CR or LF. */
const headerText = fc.string({
  unit: fc
    .integer({ min: 1, max: 255 })
    .filter((c) => c !== 10 && c !== 13)
    .map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
// prettier-ignore
const headerValues: Record<string, string[]> = {
  'content-type': ['', 'text/plain', 'application/json; charset=utf-16', 'application/jsonx', 'APPLICATION/JSON',
    'application/json;;;', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '*/*'],
  'idempotency-key': ['', 'short', 'x'.repeat(129), 'k'.repeat(8_000), 'a b c d e f', 'key/with/slash', 'ünïcödé-key'],
  cookie: ['hipwise_session=', 'hipwise_session=%', 'hipwise_session=%E0%A4%A', `hipwise_session=${'a'.repeat(5_000)}`,
    'hipwise_session="quoted"', 'hipwise_session=a; hipwise_session=b', ';;;', '='],
  'content-length': ['0', '-1', 'abc', '1e3', '99999999999999999999', '65537'],
  origin: ['null', 'http://evil.test', 'http://[', ''],
  'sec-fetch-site': ['cross-site', 'same-origin', ''],
  host: ['', 'evil.test', '[::1'],
  'x-forwarded-for': ['', '1.2.3.4, 5.6.7.8', 'not an address'],
  accept: ['text/html', '*/*;q=x'],
};
const headerMutation = fc.constantFrom(...Object.keys(headerValues)).chain((name) =>
  fc.record({
    name: fc.constant(name),
    value: fc.oneof(fc.constantFrom(...headerValues[name]!), headerText),
  }),
);

// ---------- requests ----------

interface Sample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A valid body; routes that read none get `{}` to mutate. */
  body?: unknown;
  /** The route ends the session it is called with: give each run a new one. */
  endsSession?: boolean;
  /** Tables a refused request may change by design (a failed log-in is counted). */
  mayWrite?: readonly string[];
  /** What the sample itself gets, when not a 2xx (samples that must not succeed, e.g. deleting the account). */
  status?: number;
}

type Mutation =
  | { kind: 'body-text'; text: string }
  | { kind: 'body'; node: Node }
  | { kind: 'query'; query: string }
  | { kind: 'param'; name: string; value: string }
  | { kind: 'header'; name: string; value: string };

const pick = <T>(list: readonly T[]) => fc.nat({ max: list.length - 1 }).map((i) => list[i]!);

/** Random things wrong with one route's request, starting from its valid sample. */
function mutations(method: string, sample: Sample): fc.Arbitrary<Mutation[]> {
  const body = tree(sample.body ?? {});
  const bodyText = render(body);
  const nearValid = pick(paths(body)).chain((p) =>
    valueMutation(nodeAt(body, p)).map((v) => ({
      kind: 'body' as const,
      node: edit(body, p, () => v) ?? new Raw(''),
    })),
  );
  const text = (t: string): Mutation => ({ kind: 'body-text', text: t });
  const bodyMutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: nearValid, weight: 12 },
    { arbitrary: fc.constantFrom(...MALFORMED).map(text), weight: 2 },
    { arbitrary: fc.string({ unit: trickyChar, maxLength: 60 }).map(text), weight: 1 },
    {
      arbitrary: fc.nat({ max: Math.max(0, bodyText.length - 1) }).map((n) => text(bodyText.slice(0, n))),
      weight: 1,
    },
    { arbitrary: hostileValue.map((node) => ({ kind: 'body' as const, node })), weight: 2 },
    // Over the 64 KiB limit.
    {
      arbitrary: fc.constantFrom(65_537, 70_000, 1_000_000).map((n) => text(bodyText + ' '.repeat(n))),
      weight: 1,
    },
  );

  // Query pairs are kept percent-encoded, so raw garbage can be sent as is.
  const names = Object.keys(sample.query ?? {});
  const validPairs = Object.entries(sample.query ?? {}).map(([k, v]) => `${pct(k)}=${pct(v)}`);
  const indexes = names.length > 0 ? names.map((_, i) => i) : [-1];
  const queryMutation: fc.Arbitrary<Mutation> = fc
    .oneof(
      // Drop a parameter, replace a value, add one (or repeat a known one), or send garbage.
      pick(indexes).map((i) => validPairs.filter((_, j) => j !== i)),
      fc
        .tuple(pick(indexes), urlPart)
        .map(([i, v]) => validPairs.map((p, j) => (j === i ? `${pct(names[j]!)}=${v}` : p))),
      fc
        .tuple(fc.oneof(hostileKey.map(pct), fc.constantFrom(...(names.length > 0 ? names : ['x']))), urlPart)
        .map(([k, v]) => [...validPairs, `${k}=${v}`]),
      fc
        .constantFrom(...BAD_URL_PARTS, '&&&', '=', 'a=1=2', '?', 'a[]=1&a[]=2', 'a[b]=1')
        .map((raw) => [raw]),
    )
    .map((pairs) => ({ kind: 'query' as const, query: pairs.join('&') }));

  const options: Array<{ arbitrary: fc.Arbitrary<Mutation>; weight: number }> = [
    { arbitrary: queryMutation, weight: names.length > 0 ? 6 : 2 },
    { arbitrary: headerMutation.map((h) => ({ kind: 'header' as const, ...h })), weight: 2 },
  ];
  if (method !== 'GET') options.push({ arbitrary: bodyMutation, weight: 10 });
  const params = Object.keys(sample.params ?? {});
  if (params.length > 0) {
    const param = fc
      .tuple(pick(params), urlPart)
      .map(([name, value]) => ({ kind: 'param' as const, name, value }));
    options.push({ arbitrary: param, weight: 6 });
  }
  // Mostly one thing wrong at a time (so the rest is valid and the check goes deep); now and then several.
  const one = fc.oneof(...options);
  return fc.oneof(
    { arbitrary: one.map((m) => [m]), weight: 6 },
    { arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }), weight: 1 },
  );
}

/** The classic attacks, each on every field at once, run before the random ones on every route. */
function classics(method: string, sample: Sample): Mutation[][] {
  const out: Mutation[][] = [];
  if (method !== 'GET') {
    const body = tree(sample.body ?? {});
    const all = (f: (n: Node) => Node): Mutation[] => [{ kind: 'body', node: mapAll(body, f) }];
    const text = (t: string): Mutation[] => [{ kind: 'body-text', text: t }];
    const leaves = paths(body).map((p) => nodeAt(body, p));
    if (leaves.some((n) => typeof n === 'string')) {
      out.push(all((n) => (typeof n === 'string' ? `${n}\u0000` : n)));
      out.push(all((n) => (typeof n === 'string' ? `${n}\uD800` : n)));
      out.push(all((n) => (typeof n === 'string' ? `\u202E${n}\u0301😀` : n)));
    }
    if (leaves.some((n) => typeof n === 'number'))
      out.push(all((n) => (typeof n === 'number' ? new Raw('1e309') : n)));
    out.push(all((n) => (n instanceof Obj ? new Obj([['__proto__', n], ...n.entries]) : n)));
    out.push(
      all((n) =>
        n instanceof Obj ? new Obj([...n.entries, ['constructor', new Obj([['prototype', n]])]]) : n,
      ),
    );
    out.push(text(render(body) + ' '.repeat(70_000)));
    out.push(text('['.repeat(30_000) + ']'.repeat(30_000)));
    out.push(text('{'));
  }
  const query = Object.entries(sample.query ?? {});
  if (query.length > 0) {
    const q = (f: (k: string, v: string) => string): Mutation[] => [
      { kind: 'query', query: query.map(([k, v]) => `${pct(k)}=${f(k, v)}`).join('&') },
    ];
    out.push(q((_, v) => `${pct(v)}%00`));
    out.push(q(() => '%ED%A0%80'));
    out.push(q(() => '%'));
    out.push([{ kind: 'query', query: '__proto__=x&constructor=y' }]);
  }
  for (const name of Object.keys(sample.params ?? {})) {
    for (const value of ['%00', '%ED%A0%80', '%', 'a'.repeat(5_000)])
      out.push([{ kind: 'param', name, value }]);
  }
  return out;
}

function build(
  route: { method: string; path: string },
  sample: Sample,
  muts: readonly Mutation[],
  key: string,
  cookie: string,
): { path: string; headers: Record<string, string>; body: string | null } {
  const params = { ...sample.params };
  let query = new URLSearchParams(sample.query ?? {}).toString();
  let body: string | null = route.method === 'GET' ? null : render(tree(sample.body ?? {}));
  const headers: Record<string, string> = { cookie, 'idempotency-key': key };
  if (body !== null) headers['content-type'] = 'application/json';
  for (const m of muts) {
    if (m.kind === 'body') body = render(m.node);
    else if (m.kind === 'body-text') body = m.text;
    else if (m.kind === 'query') query = m.query;
    else if (m.kind === 'param') params[m.name] = m.value;
    else headers[m.name] = m.value;
  }
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? '');
  return { path: query ? `${path}?${query}` : path, headers, body };
}

// ---------- one valid request per route ----------

interface Seeded {
  user: TestUser;
  draftId: string;
  exerciseId: string;
  clearanceId: string;
  /** The fuzz user is an admin who follows two clinicians, and holds a third invitation. */
  consentIds: [string, string];
  invitationCode: string;
}

const DAY = '2026-03-10';
const T0 = Date.parse(`${DAY}T09:00:00Z`);

const SAMPLES: Record<string, (s: Seeded) => Sample> = {
  'GET /api/health': () => ({}),
  'GET /api/instance': () => ({}),
  // Single sign-on is not set up on the fuzzed app; oidc-routes.test.ts sends it bad callbacks.
  'GET /api/auth/oidc/start': () => ({ query: { timeZone: 'Europe/London', returnTo: '/' }, status: 404 }),
  'GET /api/auth/oidc/callback': () => ({ query: { code: 'x', state: 'y' }, status: 404 }),
  // Sign-ups are counted per address by design, taken email or not.
  'POST /api/auth/signup': () => ({
    body: { email: 'someone.new@example.org', password: 'a long enough password', timeZone: 'Europe/London' },
    mayWrite: ['login_throttle'],
  }),
  // A wrong password: the fuzz user must stay logged in. Failed log-ins are counted by design.
  'POST /api/auth/login': (s) => ({
    body: { email: s.user.email, password: 'not the password at all' },
    mayWrite: ['login_throttle'],
    status: 401,
  }),
  'POST /api/auth/logout': () => ({ endsSession: true }),
  'POST /api/auth/logout-everywhere': () => ({ endsSession: true }),
  'GET /api/me': () => ({}),
  'PATCH /api/me/settings': () => ({ body: { timeZone: 'Europe/Berlin' } }),
  // Wrong current password / wrong password: the account must survive the run. Wrong passwords
  // are counted here as at log-in, by design.
  'POST /api/me/password': () => ({
    body: { currentPassword: 'not the password', newPassword: 'a new long password' },
    mayWrite: ['login_throttle'],
    status: 401,
  }),
  'GET /api/me/export': () => ({}),
  'DELETE /api/me': () => ({
    body: { password: 'not the password' },
    mayWrite: ['login_throttle'],
    status: 401,
  }),
  // A history of cancer: "see a clinician soon", so the user has something a clearance can clear.
  'POST /api/screenings': () => ({
    body: { answers: Object.fromEntries(RED_FLAG_IDS.map((id) => [id, id === 'cancer_history'])) },
  }),
  'GET /api/screenings/latest': () => ({}),
  'PUT /api/baseline': () => ({
    body: { ...evenBaseline(5, 7.5), stress: 4 },
  }),
  'GET /api/baseline': () => ({}),
  'GET /api/today': () => ({}),
  'POST /api/checkins': () => ({ body: { pain: 3, stress: 4, note: 'a note' } }),
  'GET /api/checkins': () => ({ query: { from: '2026-01-01', to: DAY } }),
  'GET /api/plan': () => ({}),
  'GET /api/lessons': () => ({}),
  'PUT /api/lessons/:id/read': () => ({ params: { id: 'starts-at-the-hips' } }),
  'DELETE /api/lessons/:id/read': () => ({ params: { id: 'starts-at-the-hips' } }),
  'GET /api/progression': () => ({}),
  'PUT /api/program/prefs': () => ({ body: { stayOnChair: true } }),
  'POST /api/exercise-sessions': () => ({
    body: {
      variant: 'chair',
      plannedSets: 2,
      plannedHoldSeconds: 10,
      achievedHoldSeconds: [10, 9],
      painBefore: 3,
      painAfter: 3,
      stoppedEarly: 'none',
      formScores: [0.5, null],
      goodFormSeconds: [8, null],
    },
  }),
  'GET /api/exercise-sessions': () => ({ query: { limit: '10' } }),
  'GET /api/exercise-sessions/:id': (s) => ({ params: { id: s.exerciseId } }),
  'GET /api/clearances': () => ({}),
  'POST /api/clearances': () => ({ body: { clearedOn: '2026-03-09', note: 'Seen by Dr Okafor' } }),
  'DELETE /api/clearances/:id': (s) => ({ params: { id: s.clearanceId } }),
  'GET /api/break-settings': () => ({}),
  'PUT /api/break-settings': () => ({
    body: {
      workMinutes: 40,
      micro: { enabled: true },
      workingHours: { days: [1, 2, 3], ranges: [{ from: '09:00', to: '17:00' }] },
    },
  }),
  'POST /api/break-events': () => ({
    body: {
      events: [
        { type: 'present', at: T0 },
        {
          type: 'break-started',
          at: T0 + 1_800_000,
          kind: 'walk',
          endsAt: T0 + 1_980_000,
          cause: 'scheduled',
        },
        { type: 'paused', at: T0 + 2_000_000, until: T0 + 3_000_000 },
      ],
    },
  }),
  'GET /api/break-events': () => ({ query: { from: '2026-03-01', to: DAY } }),
  'GET /api/break-stats': () => ({ query: { from: '2026-03-01', to: DAY } }),
  'GET /api/measures/instruments': () => ({}),
  'GET /api/measures/due': () => ({}),
  'GET /api/measures/responses': () => ({ query: { instrument: 'pss4' } }),
  'POST /api/measures/responses': () => ({
    body: {
      instrumentId: 'pss4',
      answers: Object.fromEntries(INSTRUMENTS.pss4.items.map((i) => [i.id, 2])),
      completed: true,
    },
  }),
  'GET /api/measures/responses/drafts/:instrumentId': () => ({ params: { instrumentId: 'rmdq' } }),
  'GET /api/measures/responses/:id': (s) => ({ params: { id: s.draftId } }),
  'PUT /api/measures/responses/:id': (s) => ({
    params: { id: s.draftId },
    body: { instrumentId: 'rmdq', answers: { rmdq_01: 1, rmdq_02: 0 }, completed: false },
  }),
  'DELETE /api/measures/responses/:id': (s) => ({ params: { id: s.draftId } }),
  'GET /api/measures/progress': () => ({}),
  'GET /api/measures/insights': () => ({}),
  'GET /api/measures/weekly': () => ({ query: { date: DAY } }),
  'GET /api/measures/export/fhir': () => ({}),
  'GET /api/me/programme-changes': () => ({}),
  // The fuzzing user is a member: the clinician's routes answer 404 to any input.
  'GET /api/clinician/caseload': () => ({ status: 404 }),
  'GET /api/clinician/members/:id': (s) => ({ params: { id: s.exerciseId }, status: 404 }),
  'POST /api/clinician/members/:id/changes': (s) => ({
    params: { id: s.exerciseId },
    body: { kind: 'message', text: 'hello' },
    status: 404,
  }),
  'GET /api/clinician/members/:id/export/fhir': (s) => ({ params: { id: s.exerciseId }, status: 404 }),
  'GET /api/measures/export/:file': () => ({ params: { file: 'checkins.csv' } }),
  'GET /api/stress': () => ({}),
  'POST /api/stress/sessions': () => ({
    body: {
      plannedMinutes: 2,
      durationSeconds: 100,
      inhaleSeconds: 4.5,
      exhaleSeconds: 6,
      stressBefore: 6,
      stressAfter: 3,
    },
  }),
  'PUT /api/stress/reflection': () => ({ body: { ruleId: 'simplify', note: 'try less' } }),
  'GET /api/admin/settings': () => ({}),
  'PUT /api/admin/settings': () => ({ body: { signupPolicy: 'open', localSignIn: true } }),
  'GET /api/admin/invitations': () => ({}),
  'POST /api/admin/invitations': () => ({ body: { email: 'new.clinician@example.org' } }),
  'GET /api/admin/audit': () => ({ query: { limit: '10' } }),
  // The fuzz user is an admin: a clinician's route is an unknown endpoint to it, whatever it sends.
  'POST /api/invitations': () => ({ body: {}, status: 404 }),
  // Wrong codes are counted by design.
  'GET /api/invitations/:code': (s) => ({ params: { code: s.invitationCode }, mayWrite: ['login_throttle'] }),
  'POST /api/invitations/:code/accept': (s) => ({
    params: { code: s.invitationCode },
    body: { shareNotes: true },
    mayWrite: ['login_throttle'],
  }),
  'GET /api/me/consents': () => ({}),
  // The scope it has already: the consent keeps its id for the mutations after.
  'PATCH /api/me/consents/:id': (s) => ({ params: { id: s.consentIds[0] }, body: { shareNotes: false } }),
  'DELETE /api/me/consents/:id': (s) => ({ params: { id: s.consentIds[1] } }),
  'GET /api/me/audit': () => ({ query: { limit: '10' } }),
};

// ---------- the property ----------

const RUNS: Record<DatabaseKind, number> = { pglite: 80, postgres: 25 };
const runsFor = (kind: DatabaseKind) => Number(process.env.HIPWISE_FUZZ_RUNS ?? RUNS[kind]);
const extraSeed = Number(process.env.HIPWISE_FUZZ_SEED ?? 0);

/** FNV-1a of the route key: a seed that is fixed per route and differs between routes. */
function seedOf(key: string): number {
  let h = 0x811c9dc5;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h ^ extraSeed) | 0;
}

function diff(before: readonly TableSum[], after: readonly TableSum[], allowed: readonly string[]): string[] {
  const was = new Map(before.map((s) => [s.table, s]));
  return after
    .filter((s) => !allowed.includes(s.table))
    .filter((s) => was.get(s.table)?.md5 !== s.md5)
    .map((s) => `${s.table} (${was.get(s.table)?.rows ?? 0} -> ${s.rows} rows)`);
}

async function seed(t: TestApp): Promise<Seeded> {
  const user = await t.newUser({ madeAt: new Date('2026-03-01T00:00:00Z') });
  const ok = async (res: Promise<Response>, status: number) => {
    const r = await res;
    assert.equal(r.status, status, await r.clone().text());
    return (await r.json()) as Record<string, { id: string }>;
  };
  await ok(user.call('/api/screenings', { json: SAMPLES['POST /api/screenings']!({} as Seeded).body }), 201);
  const exercise = await ok(
    user.call('/api/exercise-sessions', {
      json: SAMPLES['POST /api/exercise-sessions']!({} as Seeded).body,
      headers: { 'idempotency-key': 'seed-exercise' },
    }),
    201,
  );
  const draft = await ok(
    user.call('/api/measures/responses', {
      json: { instrumentId: 'rmdq', answers: { rmdq_05: 1 }, completed: false },
    }),
    201,
  );
  const clearance = await ok(
    user.call('/api/clearances', {
      json: SAMPLES['POST /api/clearances']!({} as Seeded).body,
      headers: { 'idempotency-key': 'seed-clearance' },
    }),
    201,
  );
  await adminCommand(t.db, argon2Hasher(), ['create', user.email], t.clock.now());
  const clinicians = [await t.newUser(), await t.newUser()];
  for (const c of clinicians) {
    await accept(c, await invite(user, 'clinician'));
    await accept(user, await invite(c, 'member'), false);
  }
  const consents = await ok(user.call('/api/me/consents'), 200);
  const ids = (consents as unknown as { consents: { id: string }[] }).consents.map((c) => c.id);
  assert.equal(ids.length, 2);
  return {
    user,
    consentIds: [ids[0]!, ids[1]!],
    invitationCode: await invite(clinicians[0]!, 'member'),
    draftId: draft.response!.id,
    exerciseId: exercise.session!.id,
    clearanceId: clearance.clearance!.id,
  };
}

for (const kind of DATABASE_KINDS) {
  describe(
    `every route's input is fuzzed: never a 5xx, never a partial write, on ${kind}`,
    { skip: skipPostgres(kind) },
    () => {
      let t: TestApp;
      let s: Seeded;
      const routes = apiRoutes();
      before(async () => {
        t = await testApp(kind);
        t.clock.set(`${DAY}T12:00:00Z`);
        s = await seed(t);
      });
      after(() => t.close());

      /** A new session of the fuzz user: routes before may have ended the last one, and that is fine. */
      async function newSession(): Promise<string> {
        const token = randomBytes(32).toString('base64url');
        const now = t.clock.now();
        await insertSession(t.db, {
          tokenHash: hashToken(token),
          userId: s.user.id,
          now,
          expiresAt: new Date(now.getTime() + 86_400_000),
        });
        return `hipwise_session=${token}`;
      }

      test('every route of the router has a fuzz sample', () => {
        assertCoversRoutes(routes, Object.keys(SAMPLES), 'the fuzz samples');
      });

      for (const route of routes) {
        const makeSample = SAMPLES[route.key];
        test(route.key, { skip: makeSample ? false : 'no sample (the test above fails)' }, async () => {
          const sample = makeSample!(s);
          const seed = seedOf(route.key);
          let cookie = await newSession();
          // Wrong passwords sent to the routes before would otherwise have this one's sample refused (429).
          await t.db.query('DELETE FROM login_throttle');
          const send = (muts: readonly Mutation[], key: string) => {
            const req = build(route, sample, muts, key, cookie);
            return {
              req,
              res: t.request(req.path, { method: route.method, headers: req.headers, body: req.body }),
            };
          };

          // The sample itself must do what it says, or its near-valid mutations prove little.
          const { res: plain } = send([], `sample-${seed >>> 0}`);
          const got = await plain;
          const expected = sample.status ?? 'a 2xx';
          assert.ok(
            sample.status === undefined ? got.status < 300 : got.status === sample.status,
            `the sample of ${route.key} answered ${got.status}, not ${expected}: ${await got.text()}`,
          );
          if (sample.endsSession) cookie = await newSession();

          /** The sums as they stand, when known: a refused request leaves them as they were. */
          let known: TableSum[] | undefined;
          let pastSession = 0;
          const property = fc.asyncProperty(mutations(route.method, sample), fc.uuid(), async (muts, key) => {
            if (sample.endsSession) {
              cookie = await newSession();
              known = undefined;
            }
            const before = known ?? (await tableSums(t.db));
            known = undefined;
            const { req, res: pending } = send(muts, key);
            const res = await pending;
            const text = await res.text();
            const what = `${route.method} ${req.path.slice(0, 300)} -> ${res.status} ${text.slice(0, 300)}`;
            assert.ok(res.status < 500, `server error: ${what}`);
            if (res.status < 400) {
              pastSession += 1;
              return;
            }
            assert.match(res.headers.get('content-type') ?? '', /^application\/json/, `not JSON: ${what}`);
            const error = apiErrorSchema.safeParse(JSON.parse(text));
            assert.ok(
              error.success && error.data.error.message.trim().length > 0,
              `no error message: ${what}`,
            );
            if (error.data.error.code !== 'unauthenticated') pastSession += 1;
            const after = await tableSums(t.db);
            assert.deepEqual(
              diff(before, after, sample.mayWrite ?? []),
              [],
              `a refused request changed rows: ${what}`,
            );
            known = after;
          });
          const examples = classics(route.method, sample).map((m, i): [Mutation[], string] => [
            m,
            `classic-${seed >>> 0}-${i}`,
          ]);
          await fc.assert(property, { numRuns: runsFor(kind), seed, examples });
          // Most mutations leave the session alone: if none got past it, the fuzzing tested nothing.
          assert.ok(
            pastSession > runsFor(kind) / 2,
            `only ${pastSession} requests got past the session check`,
          );
        });
      }
    },
  );
}
