/**
 * hipwise as an installable app: Chromium's install criteria, the service worker and its
 * precache, the app shell with the network off, no personal data in Cache Storage, the install
 * button and the update notice. Served from a copy of the build, so the update journey can put a
 * new service worker in place without touching the build the other files use.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { builtWebDist } from './harness.js';
import { inPersistentPage } from './in-page.js';
import { breakDialog, newUserWithQuickBreaks, work } from './sitting-steps.js';
import { checkIn, logOut, onboardedUser } from './steps.js';

let webDir = '';
const h = fileHarness({
  options: () => {
    webDir = mkdtempSync(join(tmpdir(), 'hipwise-install-'));
    cpSync(builtWebDist(), webDir, { recursive: true });
    return { webDir };
  },
  cleanup: () => rmSync(webDir, { recursive: true, force: true }),
});

// Headless Chromium sends beforeinstallprompt only without its user-engagement heuristic.
const INSTALLABLE = { chromiumArgs: ['--bypass-app-banner-engagement-checks'] };

/** Waits until the service worker has installed (precache filled) and controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: 60_000,
  });
}

/** Every URL in every cache of the origin (Cache Storage), as the page sees them. */
function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(request.url);
    }
    return urls;
  });
}

function assertNoApiCached(urls: readonly string[], when: string): void {
  const api = urls.filter((u) => new URL(u).pathname.startsWith('/api'));
  assert.deepEqual(api, [], `no /api answer in Cache Storage ${when}`);
}

/**
 * The app shell without the network: the page is hipwise, drawn by its own scripts (the header,
 * and in the main area a page or the app's message that it cannot reach the server), not
 * Chromium's error page.
 */
async function assertShellOffline(page: Page, context: BrowserContext, path: string): Promise<void> {
  await context.setOffline(true);
  try {
    await page.goto(path);
    await page.getByRole('banner').getByRole('link', { name: 'hipwise' }).waitFor();
    await page.locator('main').locator('h1, [role=alert]').first().waitFor();
    assert.match(await page.title(), /hipwise/);
    // The cached page keeps the server's headers (COOP/COEP), so the camera coach keeps its WASM threads.
    assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'cross-origin isolated offline');
  } finally {
    await context.setOffline(false);
  }
}

/** Offline, the page's own calls to /api fail as they should; those are not faults of the page. */
const withoutOfflineFailures = (problems: readonly string[]) =>
  problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p));

test('installable: Chromium finds no install problem, the service worker controls the page and precaches the shell and the model', () =>
  inPersistentPage(h(), INSTALLABLE, async ({ page, context, problems }) => {
    await page.goto('/');
    await controlled(page);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'Page.getInstallabilityErrors');
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], 'the manifest parses without errors');
    assert.ok(manifest.data, 'Chromium found the manifest');
    const parsed = JSON.parse(manifest.data) as {
      display: string;
      start_url: string;
      icons: { src: string }[];
      shortcuts: { name: string; url: string }[];
    };
    assert.equal(parsed.display, 'standalone');
    assert.deepEqual(
      parsed.shortcuts.map((s) => s.name),
      ['Today', 'Check-in', 'Start session'],
    );
    // Their sizes are checked by src/pwa/web-manifest.test.ts; here, that the server sends them.
    for (const icon of parsed.icons) {
      const res = await page.request.get(icon.src);
      assert.equal(res.status(), 200, icon.src);
      assert.equal(res.headers()['content-type'], 'image/png', icon.src);
    }

    // The precache holds the app shell, the pose model and the tfjs .wasm files.
    const cached = (await cachedUrls(page)).map((u) => new URL(u).pathname);
    for (const path of ['/index.html', '/models/movenet-lightning.bin', '/models/movenet-lightning.json']) {
      assert.ok(cached.includes(path), `precached: ${path}`);
    }
    assert.ok(
      cached.some((p) => /^\/wasm\/.+\.wasm$/.test(p)),
      'precached: the tfjs .wasm files',
    );
    assert.ok(
      cached.some((p) => /^\/assets\/index-.+\.js$/.test(p)),
      'precached: the entry script',
    );

    // The network off: a reload and a deep link still open the app.
    await assertShellOffline(page, context, '/');
    await assertShellOffline(page, context, '/program/session/chair');
    assert.deepEqual(withoutOfflineFailures(problems), []);
  }));

test('after a day of use and a log-out, no /api answer is in any cache; the shortcuts open their pages; Install hipwise where offered', () =>
  inPersistentPage(h(), INSTALLABLE, async ({ page, problems }) => {
    await onboardedUser(page);
    await controlled(page);
    await checkIn(page, 4, 3, 'a note that must not be cached');

    // The shortcuts of the manifest, as the installed app opens them (each a fresh load).
    await page.goto('/program');
    await page.getByRole('link', { name: 'Start today’s session' }).waitFor();
    await page.goto('/today#checkin-title');
    const checkinHeading = page.getByRole('heading', { level: 2, name: 'Your check-in for today' });
    await checkinHeading.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'checkin-title');

    // Settings offers installing, since this browser does (beforeinstallprompt).
    await page.goto('/settings');
    const install = page.getByRole('button', { name: 'Install hipwise' });
    await install.waitFor({ timeout: 30_000 });
    await checkA11y(page, 'settings: install offered');
    // The browser's own dialog cannot be answered in a headless browser; the app hears of an
    // install through appinstalled, whichever way it happened (here: the browser's menu).
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await page.getByRole('status').filter({ hasText: 'hipwise is installed.' }).waitFor();
    assert.equal(await install.count(), 0);

    const urls = await cachedUrls(page);
    assert.ok(urls.length > 20, `the precache is there to search (${urls.length} entries)`);
    assertNoApiCached(urls, 'while logged in');
    await logOut(page);
    assertNoApiCached(await cachedUrls(page), 'after log-out');
    assert.deepEqual(problems, []);
  }));

test('a new version is announced, waits through a plain reload, and takes over on Reload to update', () =>
  inPersistentPage(h(), INSTALLABLE, async ({ page, problems }) => {
    await page.goto('/');
    await controlled(page);
    const notice = page.getByRole('status').filter({ hasText: 'A new version of hipwise is ready.' });

    // A new release: a different sw.js (the served copy, uncompressed so the change is what is sent).
    const sw = join(webDir, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// the next release\n`);
    rmSync(`${sw}.br`, { force: true });
    rmSync(`${sw}.gz`, { force: true });
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await notice.waitFor({ timeout: 30_000 });
    await checkA11y(page, 'update notice');

    // The user's own reload does not swap versions under them: the new one still waits.
    await page.reload();
    await notice.waitFor({ timeout: 30_000 });
    assert.equal(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null),
      true,
      'still waiting after a plain reload',
    );

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await controlled(page);
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(registration?.waiting), active: registration?.active?.scriptURL ?? null };
    });
    assert.equal(after.waiting, false, 'the new version took over');
    assert.ok(after.active?.endsWith('/sw.js'));
    assert.equal(await notice.count(), 0, 'no notice once updated');
    assert.deepEqual(problems, []);
  }));

test('a break reminder while hipwise is in the background comes from the service worker', () =>
  inPersistentPage(h(), INSTALLABLE, async ({ page, context, problems }) => {
    await context.grantPermissions(['notifications']);
    // The user is in another window: hipwise's page is open but not focused.
    await context.addInitScript(() => {
      document.hasFocus = () => false;
    });
    await newUserWithQuickBreaks(h(), page);
    await controlled(page);
    await work(page, 9, () => breakDialog(page).isVisible());
    // getNotifications lists only what the service worker showed: a page's `new Notification` is not there.
    const shown = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const list = (await registration?.getNotifications({ tag: 'hipwise-break' })) ?? [];
      return list.map((n) => ({ title: n.title, body: n.body, data: n.data as unknown }));
    });
    assert.equal(shown.length, 1, 'one break notification, from the service worker');
    assert.equal(shown[0]?.title, 'hipwise');
    assert.match(shown[0]?.body ?? '', /walk/i);
    assert.deepEqual(shown[0]?.data, { url: page.url() });
    assert.deepEqual(problems, []);
  }));
