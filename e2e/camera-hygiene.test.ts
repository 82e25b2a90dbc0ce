/**
 * The camera stops when it should, with Chromium's fake camera showing an empty room: "No one in
 * view" after 3 s, no inference while the tab is hidden, the camera released after 2 minutes with
 * no one in view or when the screen locks, and calibration and practice holds that give up with a
 * message instead of waiting forever. Long waits run on the page's faked clock
 * (`page.clock.fastForward`), so the app keeps its real limits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  cameraTrackStates,
  emptyRoom,
  harnessWithCamera,
  MODEL_TIMEOUT,
  inferences,
  inferencesReach,
  recordCameraStreams,
  watchPoseFrames,
} from './camera-fixtures.js';
import { inPage } from './in-page.js';
import { onboardedUser } from './steps.js';
import { checkA11y } from './axe.js';

const NO_ONE = 'No one in view: step into the frame, side-on';

const h = harnessWithCamera(emptyRoom);

/**
 * A screen lock cannot be caused in headless Chromium: this stands in for the Idle Detection API
 * with permission granted, and `window.__hipwiseLockScreen()` fires what the real one fires when
 * the screen locks. Plain JavaScript: tsx would wrap a TypeScript class in helpers the page lacks.
 */
const FAKE_IDLE_DETECTION = `
  (() => {
    const live = new Set();
    class FakeIdleDetector extends EventTarget {
      userState = 'active';
      screenState = 'unlocked';
      static requestPermission() { return Promise.resolve('granted'); }
      start({ signal }) {
        live.add(this);
        signal.addEventListener('abort', () => live.delete(this));
        return Promise.resolve();
      }
    }
    window.IdleDetector = FakeIdleDetector;
    const query = navigator.permissions.query.bind(navigator.permissions);
    navigator.permissions.query = (d) =>
      d.name === 'idle-detection' ? Promise.resolve({ state: 'granted' }) : query(d);
    window.__hipwiseLockScreen = () => {
      for (const d of live) {
        d.screenState = 'locked';
        d.userState = 'idle';
        d.dispatchEvent(new Event('change'));
      }
    };
  })();
`;

/** Opens a camera page, turns the camera on, and waits for the model to find the room empty. */
async function cameraOnEmptyRoom(page: Page, path: string, button: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('status').filter({ hasText: NO_ONE }).waitFor({ timeout: MODEL_TIMEOUT });
  await checkA11y(page, `${path}: no one in view`);
}

/** What a browser does when the tab goes to the background or comes back. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  // A string: tsx would wrap the arrow functions of a callback in a helper the page lacks.
  const state = hidden ? 'hidden' : 'visible';
  await page.evaluate(`
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: '${state}' });
    Object.defineProperty(document, 'hidden', { configurable: true, value: ${hidden} });
    document.dispatchEvent(new Event('visibilitychange'));
  `);
}

async function allTracksEnded(page: Page): Promise<void> {
  const states = await cameraTrackStates(page);
  assert.ok(states.length > 0, 'the page had a camera');
  assert.deepEqual(
    states.filter((s) => s !== 'ended'),
    [],
    'every camera track is stopped',
  );
}

test('posture check with no one in view: says so, pauses while hidden, gives up calibrating, releases the camera after 2 minutes', () =>
  inPage(h(), async ({ context, page, problems }) => {
    await context.addInitScript(recordCameraStreams);
    await context.addInitScript(watchPoseFrames);
    // Installed before the app loads (as program-steps does): a clock swapped in under a running
    // app can read as 1970 for a moment, which the break coach takes as decades of work.
    await page.clock.install();
    await onboardedUser(page);
    await cameraOnEmptyRoom(page, '/camera/posture', 'Turn camera on');

    // Calibration needs someone sitting upright: it stops with a reason and a way to try again.
    await page.getByRole('button', { name: 'Sit upright and calibrate' }).click();
    await page.getByRole('status').filter({ hasText: 'Hold still, sitting upright' }).waitFor();
    await page.clock.fastForward(20_000);
    await page.getByText('Calibration stopped', { exact: true }).waitFor();
    assert.ok(
      await page.getByText(/could not take 3\sreadings of you sitting upright within 20\ss/).isVisible(),
    );
    assert.ok(await page.getByRole('button', { name: 'Sit upright and calibrate' }).isVisible());
    await checkA11y(page, 'posture check: calibration stopped');

    // Hidden tab: no frame goes to the model (at most one already on its way), then it resumes.
    await setHidden(page, true);
    await page.waitForTimeout(500);
    const hiddenFrom = await inferences(page);
    await page.waitForTimeout(3_500);
    const whileHidden = (await inferences(page)) - hiddenFrom;
    assert.ok(whileHidden <= 1, `${whileHidden} inferences in 3.5 s while hidden`);
    await setHidden(page, false);
    await inferencesReach(page, hiddenFrom + whileHidden, 2);

    // Two minutes with no one in view: the camera goes off by itself and says why.
    await page.getByRole('status').filter({ hasText: NO_ONE }).waitFor();
    await page.clock.fastForward('02:00');
    await page
      .getByRole('status')
      .filter({ hasText: 'The camera turned itself off after 2 minutes with no one in view.' })
      .waitFor();
    await allTracksEnded(page);
    assert.ok(await page.getByRole('button', { name: 'Turn camera on' }).isVisible(), 'a way back');
    await checkA11y(page, 'posture check: camera turned itself off');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('the camera is released when the screen locks, where Idle Detection is allowed', () =>
  inPage(h(), async ({ context, page, problems }) => {
    await context.addInitScript(recordCameraStreams);
    await context.addInitScript({ content: FAKE_IDLE_DETECTION });
    await onboardedUser(page);
    await cameraOnEmptyRoom(page, '/camera/posture', 'Turn camera on');
    await page.evaluate(() =>
      (window as unknown as { __hipwiseLockScreen: () => void }).__hipwiseLockScreen(),
    );
    await page
      .getByRole('status')
      .filter({ hasText: 'The camera turned itself off when the screen locked.' })
      .waitFor();
    await allTracksEnded(page);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('a practice hold the camera cannot see stops after its length plus a minute, with a message (a new user holds 10 s)', () =>
  inPage(h(), async ({ context, page, problems }) => {
    await context.addInitScript(watchPoseFrames);
    // Installed before the app loads (as program-steps does): a clock swapped in under a running
    // app can read as 1970 for a moment, which the break coach takes as decades of work.
    await page.clock.install();
    await onboardedUser(page);
    await cameraOnEmptyRoom(page, '/camera/practice', 'Use camera to check my form');
    await page.getByRole('button', { name: 'Start a 10 s hold' }).click();
    await page.getByRole('button', { name: 'End hold' }).waitFor();
    // Let the coach analyse a few frames of the hold first (each answer frees the next request).
    await inferencesReach(page, await inferences(page), 3);
    // The hold shows its own clock, camera or not.
    await page.clock.fastForward(5_000);
    await page
      .getByRole('timer')
      .filter({ hasText: /^Holding: \d+\ss of 10\ss$/ })
      .waitFor();
    await page.clock.fastForward(65_000);
    await page.getByText('Hold stopped after 70 s', { exact: true }).waitFor();
    assert.ok(
      await page.getByRole('button', { name: 'Start a 10 s hold' }).isVisible(),
      'another hold can start',
    );
    await checkA11y(page, 'practice: hold stopped');
    // The hold's result is kept: nothing (or no good form) was seen in an empty room.
    const result = page.getByRole('listitem').filter({ hasText: /^Hold 1:/ });
    await result.waitFor();
    assert.match(
      (await result.textContent()) ?? '',
      /^Hold 1: (not seen by the camera|form score \d+%, 0 of \d+ s in good form)$/,
    );
    // Starting the next hold clears the message.
    await page.getByRole('button', { name: 'Start a 10 s hold' }).click();
    assert.equal(await page.getByText('Hold stopped after 70 s', { exact: true }).count(), 0);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
