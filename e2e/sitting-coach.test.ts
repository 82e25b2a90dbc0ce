import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredBreakEvent } from '@hipwise/core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage, PHONE } from './in-page.js';
import { assertNoSidewaysScroll } from './layout.js';
import {
  breakDialog,
  newUserWithQuickBreaks,
  onboardedOnFakeClock,
  todayValue,
  waitForTodayValue,
  work,
} from './sitting-steps.js';
import { navigateTo, onboardedUser } from './steps.js';

const h = fileHarness();
const MIN = 60_000;

test('a break fires, is postponed, fires again, is taken; statistics, reload and retries hold', () =>
  inPage(h(), async ({ page, problems }) => {
    await newUserWithQuickBreaks(h(), page);
    await checkA11y(page, 'sitting');

    // The first batch that holds the postponement reaches the server, but its answer is lost:
    // the browser must send it again, and the server must store it once.
    let postponeSends = 0;
    await page.route('**/api/break-events', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('break-postponed')) return route.continue();
      postponeSends += 1;
      if (postponeSends === 1) {
        await route.fetch();
        return route.abort('failed');
      }
      return route.continue();
    });

    // Five minutes of work (after the two-minute grace at the start): the break screen opens.
    await work(page, 9, () => breakDialog(page).isVisible());
    const dialog = breakDialog(page);
    assert.match((await dialog.textContent()) ?? '', /walk to the window and back|to the window and back/i);
    assert.match((await dialog.getByTestId('break-countdown').textContent()) ?? '', /^[01]:\d\d$/);
    assert.ok(await dialog.getByRole('button', { name: 'Skip' }).isEnabled());
    // Focus is inside the modal dialog.
    assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog'))), true);
    await checkA11y(page, 'break screen');

    await dialog.getByRole('button', { name: 'Postpone 2 min' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('coach-status')
      .filter({ hasText: /postponed/ })
      .waitFor();

    // The lost answer is retried after a few seconds; meanwhile work goes on and the break returns.
    await work(page, 4, () => breakDialog(page).isVisible());
    assert.ok(postponeSends >= 2, `the postponement was sent again (${postponeSends})`);
    await page.clock.runFor(55_000);
    await breakDialog(page).getByRole('button', { name: 'Done' }).click();
    await breakDialog(page).waitFor({ state: 'hidden' });
    await page
      .getByTestId('coach-status')
      .filter({ hasText: /Next walking break in [45]\smin/ })
      .waitFor();

    // The statistics show it once the events are stored.
    await page.getByTestId('sitting-today').waitFor();
    await waitForTodayValue(page, 'Walking breaks taken', /^1 of 80$/); // 8 h / (5 + 1) min
    assert.equal(await todayValue(page, 'Postponed'), '1');
    assert.equal(await todayValue(page, 'Skipped'), '0');
    assert.doesNotMatch(await todayValue(page, 'Sitting today (estimate)'), /^0\smin$/);
    await page.locator('[data-testid="sitting-daily-chart"] canvas').waitFor();

    // No duplicates on the server despite the retried batch.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      await page.evaluate(() => Date.now()),
    );
    const res = await page.request.get(`/api/break-events?from=${today}&to=${today}`);
    assert.equal(res.status(), 200);
    const { events } = (await res.json()) as { events: StoredBreakEvent[] };
    const keys = events.map((e) => `${e.at}:${e.type}`);
    assert.equal(new Set(keys).size, keys.length, 'every stored event is unique');
    assert.equal(events.filter((e) => e.type === 'break-postponed').length, 1);
    assert.equal(events.filter((e) => e.type === 'break-started').length, 2);
    assert.deepEqual(
      events.filter((e) => e.type === 'break-ended').map((e) => e.type === 'break-ended' && e.outcome),
      ['taken'],
    );

    // Two more minutes of work, then a reload: the coach carries on where it was.
    await work(page, 2);
    await page
      .getByTestId('coach-status')
      .filter({ hasText: /Next walking break in [23]\smin/ })
      .waitFor();
    await page.reload();
    await page
      .getByTestId('coach-status')
      .filter({ hasText: /Next walking break in [23]\smin/ })
      .waitFor();

    // The Today card shows the same day.
    await navigateTo(page, 'Today');
    const card = page.getByRole('region', { name: 'Sitting and breaks today' });
    await card.getByTestId('sitting-today').waitFor();
    assert.equal(await todayValue(page, 'Postponed'), '1');
    assert.match(await todayValue(page, 'Walking breaks taken'), /^1/);
    assert.match((await card.textContent()) ?? '', /Next walking break in [23]\smin/);
    await checkA11y(page, 'today: sitting card after a break');

    // The one failed send was ours (the aborted answer above).
    const unexpected = problems.filter((p) => !/net::ERR_FAILED .*\/api\/break-events\)$/.test(p));
    assert.deepEqual(unexpected, [], 'no console errors or CSP violations');
  }));

test('the sitting page and the break screen fit a 360px phone', () =>
  inPage(h(), PHONE, async ({ page, problems }) => {
    const fits = async (name: string) => {
      await assertNoSidewaysScroll(page, name);
      await checkA11y(page, name);
    };
    await onboardedOnFakeClock(h(), page);
    await page.goto('/sitting');
    await page.getByRole('heading', { level: 1, name: 'Sitting and breaks' }).waitFor();
    await page.getByRole('button', { name: 'Save break settings' }).waitFor();
    await fits('sitting');
    await page.getByRole('button', { name: 'Take a break now' }).click();
    await breakDialog(page).waitFor();
    await fits('break screen');
    // Skip is a real choice; afterwards the daily allowance shows one fewer.
    await breakDialog(page).getByRole('button', { name: 'Skip' }).click();
    await breakDialog(page).waitFor({ state: 'hidden' });
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('break events dated ahead by a wrong device clock are refused and shown; once the clock is right the coach goes on', () =>
  inPage(h(), async ({ page, problems }) => {
    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/break-events') && r.request().method() === 'POST') answers.push(r.status());
    });
    // This device's clock is an hour ahead of the server's.
    await page.clock.install({ time: Date.now() + 60 * MIN });
    await onboardedUser(page);
    const refused = page
      .getByRole('alert')
      .filter({ hasText: /^Break events from \d\d:\d\d were not saved/ });
    await refused.first().waitFor();
    assert.match(
      (await refused.first().textContent()) ?? '',
      /These break events were not saved: event 1 of \d+ \(back at the computer, \d{4}-\d\d-\d\d \d\d:\d\d\) is \d+\sminutes later than the server's clock \(it takes up to 5\smin\), so this device's clock is probably wrong\./,
    );
    await checkA11y(page, 'break events refused');

    // The clock is put right and the page opened again. The coach goes on: what it records now is
    // stored, and the refused batch is not sent again ahead of it.
    const refusals = answers.filter((s) => s === 422).length;
    assert.ok(refusals >= 1);
    const stored = page.waitForResponse(
      (r) => r.url().endsWith('/api/break-events') && r.request().method() === 'POST' && r.status() === 200,
    );
    await page.clock.setSystemTime(Date.now());
    await page.reload();
    await stored;
    assert.equal(answers.filter((s) => s === 422).length, refusals, 'no refused batch was sent again');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(Date.now());
    const res = await page.request.get(`/api/break-events?from=${today}&to=${today}`);
    const { events } = (await res.json()) as { events: StoredBreakEvent[] };
    assert.ok(events.some((e) => e.type === 'present'));
    assert.ok(
      events.every((e) => e.at <= Date.now() + 5 * MIN),
      'nothing stored from the clock an hour ahead',
    );

    // Each refused batch stays until dismissed.
    while ((await refused.count()) > 0) {
      const before = await refused.count();
      await refused.first().getByRole('button', { name: 'Dismiss' }).click();
      await refused.nth(before - 1).waitFor({ state: 'detached' });
    }
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
