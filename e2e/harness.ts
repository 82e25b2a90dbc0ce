/**
 * Starts the real server in-process (throw-away in-memory PGlite, free port) and Debian's
 * Chromium, and opens pages that record every console error and CSP violation.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type Config } from '@hipwise/server';
import type { Database } from '@hipwise/server/testing';
import { CHROMIUM_ARGS } from './chromium-args.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WEB = join(ROOT, 'packages/web');
// scripts/test.mjs builds once and says where; run alone, the harness builds if needed.
const WEB_DIST = process.env['HIPWISE_WEB_DIST'] ?? join(WEB, 'dist');
const BUILD_LOCK = join(WEB, '.e2e-build.lock');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  if (process.env['HIPWISE_WEB_DIST']) return false;
  const sources = Math.max(newestMtime(join(WEB, 'src')), statSync(join(WEB, 'index.html')).mtimeMs);
  return statSync(index).mtimeMs < sources;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Build the web app if it is missing or older than its sources, so journeys test current code.
 * node --test runs files in parallel: a lock directory keeps two builds from emptying dist at once.
 */
function ensureWebBuilt(): void {
  if (!isStale()) return;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`stale lock ${BUILD_LOCK}: remove it if no build is running`);
      sleepSync(250);
    }
  }
  try {
    if (isStale())
      execFileSync('npm', ['run', 'build', '-w', '@hipwise/web'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** Moves the server's clock; the browser keeps real time (it never decides what day it is). */
export interface TestClock {
  now(): Date;
  /** Shift the server's "now" by whole days from real time (0 = real time). */
  setOffsetDays(days: number): void;
}

function testClock(): TestClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    setOffsetDays: (days) => {
      offsetMs = days * 86_400_000;
    },
  };
}

export interface OpenPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. Should stay empty. */
  readonly problems: string[];
}

export interface Harness {
  readonly url: string;
  /**
   * The server's own database, for steps a person does on the server's command line and set-up a
   * journey cannot reach through the app (a role, a consent).
   */
  readonly db: Database;
  readonly clock: TestClock;
  openPage(options?: { viewport?: { width: number; height: number } }): Promise<OpenPage>;
  /**
   * A page in a browser of its own with a profile on disk, as a user's Chromium is: what the
   * install criteria ask for (an incognito context is never installable). Its close() closes
   * that browser and deletes the profile.
   */
  openPersistentPage(options?: {
    viewport?: { width: number; height: number };
    chromiumArgs?: readonly string[];
  }): Promise<OpenPage & { close(): Promise<void> }>;
  close(): Promise<void>;
}

// The app answers some calls with 4xx on purpose (401 from /api/me when logged out, a wrong
// password); Chromium logs each as a console error. Those are not faults of the page.
function isExpectedApiFailure(text: string, url: string): boolean {
  return (
    /^Failed to load resource: the server responded with a status of 4\d\d/.test(text) &&
    new URL(url).pathname.startsWith('/api/')
  );
}

export interface HarnessOptions {
  /** More Chromium flags, e.g. a fake camera fed from a file. */
  readonly chromiumArgs?: readonly string[];
  /** Serve the web app from this folder instead of the build (e.g. a copy a test may change). */
  readonly webDir?: string;
  /** More server configuration, e.g. single sign-on. */
  readonly server?: Partial<Config>;
}

/** The built web app (built first if missing or stale), for a test that serves a copy of it. */
export function builtWebDist(): string {
  ensureWebBuilt();
  return WEB_DIST;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  ensureWebBuilt();
  const clock = testClock();
  const server = await startServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir: 'memory://',
      databaseUrl: undefined,
      webDir: options.webDir ?? WEB_DIST,
      logLevel: 'warn',
      ...options.server,
    },
    { clock },
  );
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, ...(options.chromiumArgs ?? [])],
    });
  } catch (err) {
    await server.close();
    throw err;
  }

  const contextOptions = (options: { viewport?: { width: number; height: number } }) => ({
    baseURL: server.url,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    acceptDownloads: true,
  });

  return {
    url: server.url,
    db: server.db,
    clock,
    async openPage(options = {}) {
      // An ordinary journey does not need the service worker, and registering it would make
      // every context precache the 7.7 MB shell and model; journeys about the worker use a
      // persistent profile (openPersistentPage), where it runs.
      return watchedPage(await browser.newContext({ ...contextOptions(options), serviceWorkers: 'block' }));
    },
    async openPersistentPage(options = {}) {
      const profile = mkdtempSync(join(tmpdir(), 'hipwise-profile-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        args: [...CHROMIUM_ARGS, ...(options.chromiumArgs ?? [])],
        ...contextOptions(options),
      });
      const opened = await watchedPage(context);
      return {
        ...opened,
        async close() {
          await context.close();
          rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
        },
      };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The context's page, recording console errors, uncaught exceptions and CSP violations. */
async function watchedPage(context: BrowserContext): Promise<OpenPage> {
  // Init scripts run through the DevTools protocol, so the page's CSP does not block this one.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (isExpectedApiFailure(msg.text(), msg.location().url)) return;
    problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return { context, page, problems };
}
