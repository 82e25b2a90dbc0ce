/**
 * The browser's side of single sign-on in API tests: it follows the app's redirect to the provider,
 * signs in on the provider's page, and brings the provider's redirect back to the app, keeping
 * each side's cookies as a browser would.
 */
import assert from 'node:assert/strict';
import type { TestAccount } from './oidc-provider.js';
import { BASE, type TestApp } from './test-app.js';

/** Cookies by name, as a browser keeps them for one site (paths do not matter here). */
export class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c))
        this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface Browser {
  app: Jar;
  provider: Jar;
  /** Headers every request to the app carries, e.g. the X-Forwarded-For a load balancer adds. */
  headers?: Record<string, string>;
}

export const newBrowser = (headers?: Record<string, string>): Browser => ({
  app: new Jar(),
  provider: new Jar(),
  ...(headers && { headers }),
});

/**
 * Starts a sign-in in the app (at `startPath`) and walks through the provider as `who`; returns the
 * provider's redirect back to the app (not yet followed). `tamper` may change the authorization request.
 */
export async function throughProvider(
  t: TestApp,
  browser: Browser,
  who: TestAccount,
  tamper: (authorize: URL) => void = () => {},
  startPath = '/api/auth/oidc/start?timeZone=Europe/Berlin',
): Promise<URL> {
  const start = await t.request(startPath, {
    headers: { ...browser.headers, cookie: browser.app.header() },
  });
  assert.equal(start.status, 302, await start.clone().text());
  browser.app.take(start);
  let next = new URL(start.headers.get('location') ?? '');
  tamper(next);
  for (let hops = 0; hops < 10; hops++) {
    if (next.href.startsWith(BASE)) return next;
    let res = await fetch(next, { redirect: 'manual', headers: { cookie: browser.provider.header() } });
    browser.provider.take(res);
    if (res.status === 200) {
      const page = await res.text();
      const action = /action="([^"]+)"/.exec(page)?.[1];
      assert.ok(action, 'the provider shows a form');
      // The provider's log-in page: fill in its form as a person would. Any other page is a form
      // that submits itself (e.g. ending the provider's session of someone else): post its fields.
      const fields = new URLSearchParams();
      if (page.includes('name="email"')) {
        fields.set('email', who.email);
        fields.set('password', who.password);
      } else {
        for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
          fields.set(m[1] ?? '', m[2] ?? '');
        }
      }
      res = await fetch(new URL(action, next), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: browser.provider.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
      });
      browser.provider.take(res);
    }
    assert.ok([302, 303].includes(res.status), `provider answered ${res.status}: ${await res.text()}`);
    next = new URL(res.headers.get('location') ?? '', next);
  }
  throw new Error('too many redirects at the provider');
}

/** Follows the provider's redirect back into the app, with this browser's app cookies. */
export async function back(t: TestApp, browser: Browser, callback: URL): Promise<Response> {
  const res = await t.request(callback.pathname + callback.search, {
    headers: { ...browser.headers, cookie: browser.app.header() },
  });
  browser.app.take(res);
  return res;
}
