/**
 * The camera coach's exercise form check (the panel the session screen embeds, here on the
 * practice page) and its privacy promises, with Chromium's fake camera playing a real photo.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y } from './axe.js';
import {
  assertNoImageUploads,
  cameraTrackStates,
  harnessWithCamera,
  MODEL_TIMEOUT,
  PHOTOS,
  recordCameraStreams,
  recordRequests,
  seenJoints,
  slowPoseModel,
  watchPoseFrames,
} from './camera-fixtures.js';
import { inPage, PHONE } from './in-page.js';
import { assertNoSidewaysScroll } from './layout.js';
import { onboardedUser, navigateTo } from './steps.js';

const h = harnessWithCamera(PHOTOS.upright);

test('practice the chair boat pose: skeleton, a cue, and a hold timer that waits for good form', () =>
  inPage(h(), PHONE, async ({ page, problems }) => {
    await onboardedUser(page);
    await page.goto('/camera');
    await page.getByRole('heading', { level: 1, name: 'Camera coach' }).waitFor();
    await assertNoSidewaysScroll(page, 'camera home');
    await checkA11y(page, 'camera home');
    await page.getByRole('link', { name: 'Practise with the camera' }).click();
    await page.getByRole('heading', { level: 1, name: 'Practise with the camera' }).waitFor();
    assert.ok(await page.getByRole('radio', { name: 'Boat pose on a chair' }).isChecked());
    await checkA11y(page, 'practice');

    await page.getByRole('button', { name: 'Use camera to check my form' }).click();
    assert.ok((await seenJoints(page)) >= 12, 'keypoints are seen and reported');
    // The photo shows someone sitting upright, not in the boat pose: the coach asks for a fix.
    const verdict = page.getByText(/^(Adjust your form|Cannot see you: turn side-on, whole body in view)$/);
    await verdict.waitFor({ timeout: MODEL_TIMEOUT });
    const cue = page.locator('.coach-cue');
    await cue.waitFor();
    assert.ok(((await cue.textContent()) ?? '').length > 5, 'a cue is shown');
    assert.equal(await page.getByText('Good form', { exact: true }).count(), 0);
    await checkA11y(page, 'practice: camera on');

    await page.getByRole('button', { name: 'Start a 10 s hold' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Hold timer: paused until your form is good' })
      .waitFor();
    assert.ok(await page.getByText('0 s of 10 s in good form').isVisible());
    assert.equal(await page.getByLabel('Time in good form').evaluate((m: HTMLMeterElement) => m.value), 0);
    await checkA11y(page, 'practice: hold');

    await page.getByRole('button', { name: 'End hold' }).click();
    const result = page.getByRole('listitem').filter({ hasText: /^Hold 1:/ });
    await result.waitFor();
    assert.match(
      (await result.textContent()) ?? '',
      /^Hold 1: (form score \d+%, 0 of \d+\ss in good form|not seen by the camera)$/,
    );

    await assertNoSidewaysScroll(page, 'practice page with the camera on');
    await checkA11y(page, 'practice: hold results');
    await page.getByRole('button', { name: 'Turn camera off' }).click();
    await page.getByRole('status').filter({ hasText: 'Camera off' }).waitFor();
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('a hold ended before the model judged any of it is still listed, as not seen', () =>
  inPage(h(), PHONE, async ({ context, page, problems }) => {
    await context.addInitScript(watchPoseFrames);
    await onboardedUser(page);
    await page.goto('/camera/practice');
    await page.getByRole('button', { name: 'Use camera to check my form' }).click();
    assert.ok((await seenJoints(page)) >= 12, 'the model runs');
    // A frame already with the model lands before the hold starts; every later one is 5 s late.
    await slowPoseModel(page, 5_000);
    await page.waitForTimeout(1_000);

    await page.getByRole('button', { name: 'Start a 10 s hold' }).click();
    await page.getByRole('button', { name: 'End hold' }).click();
    const result = page.getByRole('listitem').filter({ hasText: /^Hold 1:/ });
    await result.waitFor({ timeout: 4_000 });
    assert.equal(await result.textContent(), 'Hold 1: not seen by the camera');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('privacy: no request carries an image, and turning the camera off stops every track', () =>
  inPage(h(), async ({ context, page, problems }) => {
    const sockets: string[] = [];
    await context.addInitScript(recordCameraStreams);
    const requests = recordRequests(page);
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await onboardedUser(page);
    const beforeCamera = requests.length;

    await page.goto('/camera/posture');
    await page.getByRole('button', { name: 'Turn camera on' }).click();
    assert.ok((await seenJoints(page)) >= 12);
    await page.getByText('Posture: Upright').waitFor({ timeout: MODEL_TIMEOUT });
    // Several samples taken while every request is recorded.
    await page.getByText(/Checks so far: ([3-9]|\d\d+),/).waitFor({ timeout: 30_000 });
    assert.deepEqual(await cameraTrackStates(page), ['live'], 'the camera is on while the view is open');

    await page.getByRole('button', { name: 'Turn camera off' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Camera off: the camera is released and its light is off.' })
      .waitFor();
    assert.deepEqual(await cameraTrackStates(page), ['ended'], 'Turn camera off stops the track');
    await checkA11y(page, 'posture check: camera off');
    assert.equal(await page.locator('video').evaluate((v: HTMLVideoElement) => v.srcObject), null);

    // Leaving the page with the camera on releases it too.
    await page.getByRole('button', { name: 'Turn camera on' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Seeing \d+ of 17 joints/ })
      .waitFor({ timeout: MODEL_TIMEOUT });
    assert.deepEqual(await cameraTrackStates(page), ['ended', 'live']);
    await navigateTo(page, 'Today');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.deepEqual(
      await cameraTrackStates(page),
      ['ended', 'ended'],
      'unmounting the view stops the track',
    );

    const origin = new URL(h().url).origin;
    const during = requests.slice(beforeCamera);
    assert.ok(
      during.some((r) => new URL(r.url).pathname === '/models/movenet-lightning.json'),
      'the recording saw the model load from our own server',
    );
    assertNoImageUploads(requests, origin);
    assert.deepEqual(sockets, [], 'no WebSocket was opened');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('a blocked camera says what to do, and trying again works once allowed', () =>
  inPage(h(), async ({ context, page, problems }) => {
    // The first request is refused as a user's "Block" would be; later ones reach the fake camera.
    await context.addInitScript(() => {
      const devices = navigator.mediaDevices;
      const original = devices.getUserMedia.bind(devices);
      let refused = false;
      devices.getUserMedia = (constraints) => {
        if (refused) return original(constraints);
        refused = true;
        return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      };
    });
    await onboardedUser(page);
    await page.goto('/camera/posture');
    await page.getByRole('button', { name: 'Turn camera on' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Camera access is blocked.' });
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Allow the camera for this site/);
    assert.equal(await page.getByRole('button', { name: 'Turn camera off' }).count(), 0);
    await checkA11y(page, 'posture check: camera blocked');

    await page.getByRole('button', { name: 'Try the camera again' }).click();
    await page.getByRole('button', { name: 'Turn camera off' }).waitFor();
    assert.equal(await alert.count(), 0, 'the error goes once the camera works');
    await page.getByRole('button', { name: 'Turn camera off' }).click();
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
