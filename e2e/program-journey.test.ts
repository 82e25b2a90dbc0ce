import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { EXERCISE_SAFETY, SAFETY_PAUSE_ADVICE } from '@hipwise/core';
import { checkA11y } from './axe.js';
import { fileHarness } from './file-harness.js';
import { inPage, PHONE } from './in-page.js';
import { assertNoSidewaysScroll } from './layout.js';
import {
  doSession,
  moveToDay,
  newClearedUser,
  openProgramme,
  planItemText,
  startSession,
  stopForPain,
} from './program-steps.js';
import { chooseScale, navigateTo } from './steps.js';

const h = fileHarness();
// Journeys move the server's clock to later days; the next one starts on the real today.
afterEach(() => h().clock.setOffsetDays(0));

test('read a lesson, do guided chair sessions on six days, and unlock the floor version', () =>
  inPage(h(), async ({ page, problems }) => {
    await newClearedUser(page);

    // Day 1: the plan offers lesson 1 and the chair at 3 x 10 s.
    assert.match(await planItemText(page, 'Where the method looks: the hips'), /^To do:/);
    assert.match(await planItemText(page, 'Boat pose on a chair: 3 × 10 s'), /^To do:/);
    await page.getByRole('link', { name: 'Read: Where the method looks: the hips' }).click();
    await page.getByRole('heading', { level: 1, name: /Where the method looks: the hips/ }).waitFor();
    // The heading shows while the lesson state still loads; the drawing comes with the lesson.
    await page.getByRole('img', { name: 'The psoas muscle' }).waitFor();
    assert.equal(await page.getByRole('img', { name: 'The psoas muscle' }).count(), 1);
    await checkA11y(page, 'lesson');
    await page.getByRole('button', { name: 'Mark as read' }).click();
    await page.getByRole('status').filter({ hasText: 'Marked as read.' }).waitFor();
    await page.getByRole('link', { name: 'Today', exact: true }).first().click();
    assert.match(await planItemText(page, 'Where the method looks: the hips'), /^Done:/);

    // The first session, from the plan, with spoken cues muted (remembered for the next ones).
    await page.getByRole('link', { name: 'Exercise: Boat pose on a chair: 3 × 10 s' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boat pose on a chair' }).waitFor();
    await page.getByRole('checkbox', { name: /^Spoken cues/ }).setChecked(false);
    await startSession(page, 4);
    // Every step has its own drawing; the hold shows a ring and counts from timestamps.
    await page.clock.runFor(5_200);
    await page.getByRole('heading', { level: 2, name: 'Hold: set 1 of 3' }).waitFor();
    await page.clock.runFor(4_000);
    assert.match((await page.getByRole('timer').textContent()) ?? '', /^4 of 10\sseconds held$/);
    assert.equal(await page.locator('svg.ring').count(), 1, 'the progress ring is drawn');
    assert.ok(await page.getByRole('button', { name: EXERCISE_SAFETY.stopButton }).isVisible());
    await checkA11y(page, 'session: hold');
    await page.clock.runFor(6_500);
    await page.getByRole('heading', { level: 2, name: 'Rest before set 2 of 3' }).waitFor();
    await checkA11y(page, 'session: rest');
    await page.clock.fastForward(100_000);
    await page.getByRole('heading', { level: 2, name: 'All holds done' }).waitFor();
    await checkA11y(page, 'session: pain after');
    await chooseScale(page, 'Back pain right now, after the exercise', 3);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('status').filter({ hasText: 'Session saved.' }).waitFor();
    const summary = (await page.locator('.session').textContent()) ?? '';
    assert.match(summary, /Good session/);
    assert.match(summary, /10, 10, 10\ss of 3\s×\s10\ss/);
    assert.match(summary, /Pain\s*4 before, 3 after/);
    assert.doesNotMatch(summary, /Pain\s*pain/i, 'the row is not labelled twice');
    await checkA11y(page, 'session: summary');

    // It is in the history on the Programme page, and ticked on Today.
    await openProgramme(page);
    const history = page.getByRole('list', { name: 'Sessions, newest first' }).getByRole('listitem');
    assert.equal(await history.count(), 1);
    assert.match(
      (await history.first().textContent()) ?? '',
      /Good session.*held 10, 10, 10\ss; pain 4 before, 3 after/,
    );
    assert.match((await page.locator('#floor-status').textContent()) ?? '', /Good chair days: 1 of 6/);
    await checkA11y(page, 'programme with a session');
    await navigateTo(page, 'Today');
    assert.match(await planItemText(page, 'Boat pose on a chair'), /^Done:/);

    // Five more days, a good session each at the level the plan sets (3 x 10 s, then 3 x 15 s).
    for (let day = 1; day <= 5; day++) {
      await moveToDay(h(), page, day);
      await openProgramme(page);
      assert.equal(await page.getByRole('checkbox', { name: /^Spoken cues/ }).count(), 0);
      await page.getByRole('link', { name: 'Start today’s session' }).click();
      await page.getByRole('heading', { level: 1, name: 'Boat pose on a chair' }).waitFor();
      assert.equal(
        await page.getByRole('checkbox', { name: /^Spoken cues/ }).isChecked(),
        false,
        'mute remembered',
      );
      const hold = day < 3 ? 10 : 15;
      assert.ok(
        await page.getByText(`Today: 3 holds of ${hold} seconds`).isVisible(),
        `day ${day + 1} at ${hold} s`,
      );
      const text = await doSession(page, 3, 3);
      if (day === 2) assert.match(text, /You moved up a level: next time it is 3\s×\s15\ss/);
      if (day === 5) assert.match(text, /The floor version is now unlocked/);
    }

    await openProgramme(page);
    assert.match((await page.locator('#floor-status').textContent()) ?? '', /The floor version is unlocked/);
    assert.match((await page.locator('.level').textContent()) ?? '', /Boat pose on the floor: 3\s×\s10\ss/);
    assert.equal(
      await page.getByRole('list', { name: 'Sessions, newest first' }).getByRole('listitem').count(),
      6,
    );
    // Staying on the chair is a choice, and it sticks.
    await page.getByRole('checkbox', { name: /Stay on the chair version/ }).check();
    await page.locator('.level', { hasText: /Boat pose on a chair: 3\s×\s20\ss/ }).waitFor();
    await page.reload();
    await page.locator('.level', { hasText: /Boat pose on a chair: 3\s×\s20\ss/ }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: /Stay on the chair version/ }).isChecked(), true);
    await checkA11y(page, 'programme: floor unlocked');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('stop for pain: advice at once, stored as stopped; two stops in a week pause the programme', () =>
  inPage(h(), async ({ page, problems }) => {
    await newClearedUser(page);
    await openProgramme(page);
    await page.getByRole('link', { name: 'Start today’s session' }).click();
    await startSession(page, 3);
    await page.clock.runFor(7_000);
    await page.getByRole('heading', { level: 2, name: 'Hold: set 1 of 3' }).waitFor();
    await stopForPain(page);
    assert.match((await page.locator('.session').textContent()) ?? '', /Holds2\ss of 3\s×\s10\ss/);
    await checkA11y(page, 'session: stopped for pain');

    await openProgramme(page);
    const first = page.getByRole('list', { name: 'Sessions, newest first' }).getByRole('listitem').first();
    assert.match(
      (await first.textContent()) ?? '',
      /Painful.*held 2\ss; pain 3 before, not asked after · stopped for pain/,
    );

    // The plan advises rest for the rest of the day.
    await navigateTo(page, 'Today');
    assert.match(
      await planItemText(page, 'Boat pose on a chair'),
      /You stopped the exercise for pain today\. Rest today and try again tomorrow\..*see a doctor or physiotherapist/,
    );
    await checkA11y(page, 'today: stopped for pain');

    // Three days later, stopped again, this time before even starting.
    await moveToDay(h(), page, 3);
    await openProgramme(page);
    await page.getByRole('link', { name: 'Start today’s session' }).click();
    await page.getByRole('heading', { level: 2, name: 'Before you start' }).waitFor();
    await stopForPain(page);
    await page.getByText(SAFETY_PAUSE_ADVICE.text).waitFor();

    // The session screen is now blocked, with the reason and what to do.
    await page.goto('/program/session/chair');
    await page.getByRole('heading', { level: 1, name: 'Boat pose on a chair' }).waitFor();
    await page.getByText(SAFETY_PAUSE_ADVICE.title).waitFor();
    assert.ok(await page.getByText(SAFETY_PAUSE_ADVICE.howToResume).isVisible());
    assert.equal(await page.getByRole('button', { name: EXERCISE_SAFETY.stopButton }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Continue' }).count(), 0);
    await checkA11y(page, 'session: paused');
    await openProgramme(page);
    assert.equal(await page.getByRole('link', { name: 'Start today’s session' }).count(), 0);
    await navigateTo(page, 'Today');
    await page.getByRole('region', { name: 'Today’s plan' }).getByText(SAFETY_PAUSE_ADVICE.title).waitFor();
    // Check-ins stay open while paused.
    assert.ok(await page.getByRole('button', { name: "Save today's check-in" }).isVisible());
    // The pause says why: both stops, with their dates.
    const planCard = page.getByRole('region', { name: 'Today’s plan' });
    assert.equal(
      await planCard
        .getByRole('listitem')
        .filter({ hasText: /you stopped the exercise for pain\./ })
        .count(),
      2,
    );
    await checkA11y(page, 'today: programme paused');

    // The next day a physiotherapist has checked them: recorded here, the programme carries on.
    await moveToDay(h(), page, 4);
    await page.reload();
    const form = planCard.getByRole('form', { name: 'A clinician has cleared me to exercise' });
    await form.getByLabel('Note (optional)').fill('Physio: keep going, gently');
    await form.getByRole('button', { name: 'Record my clearance' }).click();
    await planCard.getByText(/Day \d+ of your programme/).waitFor();
    assert.equal(await planCard.getByText(SAFETY_PAUSE_ADVICE.title).count(), 0);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('the programme screens fit a 360px phone without sideways scrolling', () =>
  inPage(h(), PHONE, async ({ page, problems }) => {
    await newClearedUser(page);
    await assertNoSidewaysScroll(page, 'today with the plan');
    await checkA11y(page, 'today with the plan');
    await openProgramme(page);
    await assertNoSidewaysScroll(page, 'programme');
    await checkA11y(page, 'programme');
    await page.getByRole('link', { name: '1. Where the method looks: the hips' }).click();
    await page.getByRole('button', { name: 'Mark as read' }).waitFor();
    await assertNoSidewaysScroll(page, 'lesson');
    await checkA11y(page, 'lesson');
    await page.goto('/program/lessons/pelvic-tilt');
    await page.getByText(/This lesson opens on/).waitFor();
    await assertNoSidewaysScroll(page, 'locked lesson');
    await checkA11y(page, 'locked lesson');
    await page.goto('/program/session/chair');
    await page.getByRole('heading', { level: 2, name: 'Before you start' }).waitFor();
    await assertNoSidewaysScroll(page, 'session: pain before');
    await checkA11y(page, 'session: pain before');
    await startSession(page, 2);
    await page.clock.runFor(6_000);
    await page.getByRole('heading', { level: 2, name: 'Hold: set 1 of 3' }).waitFor();
    await assertNoSidewaysScroll(page, 'session: hold');
    await checkA11y(page, 'session: hold');
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { level: 2, name: 'Session ended' }).waitFor();
    await assertNoSidewaysScroll(page, 'session: pain after');
    await checkA11y(page, 'session: pain after');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
