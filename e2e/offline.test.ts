import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage, inPersistentPage } from './in-page.js';
import { newClearedUser, startSession } from './program-steps.js';
import { chooseScale, navigateTo, onboardedUser } from './steps.js';

const h = fileHarness();

/** Chromium's own log line for each request made while the network is off: expected here. */
const offlineNoise = (problems: readonly string[]) =>
  problems.filter((p) => !p.includes('net::ERR_INTERNET_DISCONNECTED'));

const banner = (page: Page, text: RegExp) => page.getByRole('status').filter({ hasText: text });

/** The network goes away under an open app. */
async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
}

async function checkInOffline(page: Page, pain: number, stress: number, note?: string): Promise<void> {
  await chooseScale(page, 'Back pain right now', pain);
  await chooseScale(page, 'Stress right now', stress);
  if (note !== undefined) await page.getByLabel('Note (optional)').fill(note);
  await page.getByRole('button', { name: "Save today's check-in" }).click();
  await page.getByRole('status').filter({ hasText: "Today's check-in is kept on this device." }).waitFor();
}

test('offline: a check-in and a finished session wait on the device, survive a reload with the network off, then each is stored once', () =>
  // A persistent profile, so the service worker runs and the app itself opens offline.
  inPersistentPage(h(), {}, async ({ context, page, problems }) => {
    await newClearedUser(page);
    await page.getByRole('heading', { level: 1, name: /^Today/ }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
      timeout: 60_000,
    });
    // Open the session screen once while online, so the last-seen plan of that screen is kept.
    await page.getByRole('link', { name: 'Exercise: Boat pose on a chair: 3 × 10 s' }).click();
    await page.getByRole('heading', { level: 2, name: 'Before you start' }).waitFor();
    await navigateTo(page, 'Today');
    await page.getByRole('heading', { level: 2, name: 'How are you today?' }).waitFor();

    await goOffline(context, page);
    await checkInOffline(page, 6, 4);
    await banner(page, /^Offline – 1\s+change will be saved when hipwise is back\.$/).waitFor();

    // The session screen opens on what the device last saw; the finished session is kept.
    await page.getByRole('link', { name: 'Exercise: Boat pose on a chair: 3 × 10 s' }).click();
    await startSession(page, 4);
    await page.clock.runFor(5_200);
    await page.getByRole('heading', { level: 2, name: /^Hold: set 1 of 3$/ }).waitFor();
    await page.clock.fastForward(100_000);
    await page.getByRole('heading', { level: 2, name: 'All holds done' }).waitFor();
    await chooseScale(page, 'Back pain right now, after the exercise', 3);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('status').filter({ hasText: 'Session kept on this device.' }).waitFor();
    await banner(page, /^Offline – 2\s+changes will be saved when hipwise is back\.$/).waitFor();
    await checkA11y(page, 'session: kept on the device');

    // Today shows the day as last seen, with when, instead of an error.
    await navigateTo(page, 'Today');
    await page.getByText(/shown as of \d\d:\d\d, as this device last saw it/).waitFor();
    await page.getByRole('region', { name: 'Today’s plan' }).getByRole('listitem').first().waitFor();
    await banner(page, /^Offline – 2\s+changes/).waitFor();
    await checkA11y(page, 'today: offline, as last seen');

    // Reloaded with the network off, the service worker opens the app, which starts on who was
    // signed in and the day as last seen, with both writes still waiting.
    await page.reload();
    await page.getByText(/shown as of \d\d:\d\d, as this device last saw it/).waitFor();
    await banner(page, /^Offline – 2\s+changes will be saved when hipwise is back\.$/).waitFor();

    // Back online: both are sent, in order, and the page says so.
    const sent: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.method() === 'POST' && (path === '/api/checkins' || path === '/api/exercise-sessions'))
        sent.push(path);
    });
    const backOnline = Date.now();
    await context.setOffline(false);
    await banner(page, /^2\s+changes saved\./).waitFor();
    assert.deepEqual(sent, ['/api/checkins', '/api/exercise-sessions'], 'sent once each, in the order made');
    await page.getByRole('heading', { level: 2, name: 'Your check-in for today' }).waitFor();
    assert.equal(await page.getByText(/shown as of/).count(), 0, 'fresh from the server again');

    // Read back through the API: each is stored exactly once.
    const today = (await (await page.request.get('/api/today')).json()) as {
      history: Array<{ pain: number; stress: number }>;
      checkin: { createdAt: string } | null;
    };
    assert.deepEqual(
      today.history.map((c) => [c.pain, c.stress]),
      [[6, 4]],
    );
    // Stored with the time it was made on the device, not the time it reached the server.
    const madeAt = Date.parse(today.checkin?.createdAt ?? '');
    assert.ok(madeAt < backOnline, `made offline at ${today.checkin?.createdAt}, before going online`);
    const sessions = (await (await page.request.get('/api/exercise-sessions?limit=100')).json()) as {
      sessions: Array<{ painBefore: number; painAfter: number | null }>;
    };
    assert.deepEqual(
      sessions.sessions.map((s) => [s.painBefore, s.painAfter]),
      [[4, 3]],
    );
    assert.deepEqual(offlineNoise(problems), []);
  }));

test('offline: a write the server refuses on sync is shown with its reason until dismissed', () =>
  inPage(h(), async ({ context, page, problems }) => {
    await onboardedUser(page);
    await page.getByRole('heading', { level: 2, name: 'How are you today?' }).waitFor();
    await goOffline(context, page);
    // A note pasted with a NUL character: the page lets it through, the server cannot store it
    // and answers 422. Offline, the page cannot know yet: it keeps the check-in.
    await checkInOffline(page, 2, 3, 'copied from a PDF \u0000 with a stray character');
    await banner(page, /^Offline – 1\s+change will be saved/).waitFor();

    const answers: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/checkins' && r.request().method() === 'POST')
        answers.push(r.status());
    });
    await context.setOffline(false);
    const refused = page.getByRole('alert').filter({ hasText: /^Check-in from \d\d:\d\d was not saved/ });
    await refused.waitFor();
    assert.deepEqual(answers, [422], 'a real refusal from the server, sent once');
    assert.match((await refused.textContent()) ?? '', /note must not contain NUL characters/);
    assert.ok(await refused.getByRole('link', { name: 'Review' }).isVisible());
    await checkA11y(page, 'today: a kept write refused');

    // It stays (another page, the same list) until the user dismisses it; nothing was stored.
    await navigateTo(page, 'Stress');
    await refused.waitFor();
    await refused.getByRole('button', { name: 'Dismiss' }).click();
    await refused.waitFor({ state: 'detached' });
    const today = (await (await page.request.get('/api/today')).json()) as { history: unknown[] };
    assert.deepEqual(today.history, []);
    // The 422 itself is an API answer the page handles; the harness does not count it.
    assert.deepEqual(offlineNoise(problems), []);
  }));
