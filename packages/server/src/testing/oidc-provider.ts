/**
 * A real OpenID Provider for tests: panva's oidc-provider (OpenID Certified) on 127.0.0.1, with a
 * store of test accounts and a tiny log-in page of its own in place of the library's development
 * interactions. It signs real ID tokens with its own key; nothing in hipwise knows it is a test.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';
import type { OidcConfig } from '../config.js';

export interface TestAccount {
  sub: string;
  email: string;
  emailVerified: boolean;
  password: string;
  /** The value of the role claim, if the account has one. */
  role?: string | string[];
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestProvider {
  /** The issuer identifier, e.g. http://127.0.0.1:41234 */
  readonly issuer: string;
  /** (Re)builds the provider with these registered clients, e.g. once the app's address is known. */
  register(clients: TestClient[]): void;
  /**
   * Token requests authenticated as `from` reach the provider authenticated as `to`: another
   * application's credentials swapped in on the way, so the tokens are issued to `to`.
   */
  swapClientCredentials(swap: { from: TestClient; to: TestClient } | undefined): void;
  close(): Promise<void>;
}

export const TEST_ROLE_CLAIM = 'hipwise_role';

/**
 * hipwise's single sign-on set to a test provider and client: "Practice login", emails of
 * practice.example only, no role claim, the redirect URL following the app's own address.
 */
export function testOidcConfig(
  issuer: string,
  client: Pick<TestClient, 'clientId' | 'clientSecret'>,
  over: Partial<OidcConfig> = {},
): OidcConfig {
  return {
    issuer,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUrl: undefined,
    allowedDomains: ['practice.example'],
    roleClaim: undefined,
    clinicianValues: [],
    adminValues: [],
    name: 'Practice login',
    ...over,
  };
}

const basic = (c: TestClient) =>
  `Basic ${Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`).toString('base64')}`;

/** The client id of an HTTP Basic client authentication (its parts are form-urlencoded). */
function basicClientId(req: IncomingMessage): string | undefined {
  const [scheme, value] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Basic' || !value) return undefined;
  const id = Buffer.from(value, 'base64').toString('utf8').split(':')[0] ?? '';
  return decodeURIComponent(id.replace(/\+/g, ' '));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Test provider: sign in</title></head>
<body><main><h1>Test provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Email <input name="email" type="email" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in at the provider</button>
</form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestProvider(accounts: readonly TestAccount[]): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'test' };
  let provider: Provider | undefined;
  let swap: { from: TestClient; to: TestClient } | undefined;

  async function interaction(req: IncomingMessage, res: ServerResponse, p: Provider): Promise<void> {
    const details = await p.interactionDetails(req, res);
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (req.method === 'GET') return html(200, loginPage(details.uid));
    const form = await formBody(req);
    const account = accounts.find(
      (a) => a.email === form.get('email') && a.password === form.get('password'),
    );
    if (!account) return html(200, loginPage(details.uid, 'Unknown email or wrong password.'));
    const clientId = String(details.params['client_id']);
    const grant = new p.Grant({ accountId: account.sub, clientId });
    grant.addOIDCScope(String(details.params['scope']));
    const grantId = await grant.save();
    await p.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const server = createServer((req, res) => {
    const p = provider;
    if (!p) {
      res.writeHead(503).end();
      return;
    }
    if (swap && req.url?.startsWith('/token') && basicClientId(req) === swap.from.clientId) {
      req.headers.authorization = basic(swap.to);
    }
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res, p).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
      });
      return;
    }
    void p.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    register(clients) {
      provider = new Provider(issuer, {
        clients: clients.map((c): ClientMetadata => ({
          client_id: c.clientId,
          client_secret: c.clientSecret,
          redirect_uris: c.redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        })),
        jwks: { keys: [signingKey] },
        cookies: { keys: ['a test provider cookie key'] },
        claims: {
          openid: ['sub', TEST_ROLE_CLAIM],
          email: ['email', 'email_verified'],
        },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
        pkce: { required: () => true },
        // An ID token lives an hour, as at most providers (the expiry test relies on it).
        ttl: {
          AccessToken: 3600,
          IdToken: 3600,
          AuthorizationCode: 60,
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
        },
        findAccount: (_ctx, sub) => {
          const a = accounts.find((x) => x.sub === sub);
          return (
            a && {
              accountId: a.sub,
              claims: () => ({
                sub: a.sub,
                email: a.email,
                email_verified: a.emailVerified,
                ...(a.role === undefined ? {} : { [TEST_ROLE_CLAIM]: a.role }),
              }),
            }
          );
        },
      });
    },
    swapClientCredentials(s) {
      swap = s;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
