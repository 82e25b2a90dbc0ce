/**
 * A whole guided chair boat session with the camera form check on, Chromium's fake camera playing
 * a real photo: the skeleton, a cue and the form hold timer on screen during the holds, each
 * set's form score and seconds in good form stored with the session, the camera released when
 * the session ends, and no picture sent anywhere.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExerciseSession } from '@hipwise/core';
import type { Page } from 'playwright-core';
import {
  assertNoImageUploads,
  cameraTrackStates,
  harnessWithCamera,
  jointsIn,
  MODEL_TIMEOUT,
  PHOTOS,
  recordCameraStreams,
  recordRequests,
} from './camera-fixtures.js';
import { checkA11y } from './axe.js';
import { inPage } from './in-page.js';
import { newClearedUser, openProgramme, stepToCountdown } from './program-steps.js';
import { chooseScale } from './steps.js';

const SETS = 3;
const HOLD_SECONDS = 10;

const h = harnessWithCamera(PHOTOS.reclined);

/** What the camera panel showed during one hold. */
interface HoldSeen {
  readonly joints: number;
  readonly cue: string;
  readonly timer: string;
  readonly holdStatus: string;
  readonly goodFormText: string;
  /** The panel's line after the hold, e.g. "Set 1: form score 86%, 0 s in good form." */
  readonly setResult: string;
}

/**
 * One hold in real time (the camera's frames arrive in real time, and the hold timer credits
 * only the time between analysed frames), reading the panel half way through.
 */
async function doHold(page: Page, set: number): Promise<HoldSeen> {
  // The countdown on the page's faked clock.
  await page.clock.runFor(5_200);
  await page.getByRole('heading', { level: 2, name: `Hold: set ${set} of ${SETS}` }).waitFor();
  await page.waitForTimeout((HOLD_SECONDS / 2) * 1000);
  const panel = page.getByRole('region', { name: 'Camera form check' });
  const seen = {
    joints: jointsIn(await panel.getByText(/Seeing \d+ of 17 joints/).textContent()),
    cue: (await panel.locator('.coach-cue').textContent()) ?? '',
    timer: (await page.getByRole('timer').textContent()) ?? '',
    holdStatus:
      (await panel
        .getByRole('status')
        .filter({ hasText: /^Hold timer:/ })
        .textContent()) ?? '',
    goodFormText: (await panel.locator('.coach-hold-time').textContent()) ?? '',
  };
  const next = set < SETS ? `Rest before set ${set + 1} of ${SETS}` : 'All holds done';
  await page
    .getByRole('heading', { level: 2, name: next })
    .waitFor({ timeout: HOLD_SECONDS * 1000 + 10_000 });
  // The panel stays open through the rests and the pain question after the last hold.
  const result = page.getByRole('status').filter({ hasText: new RegExp(`^Set ${set}: `) });
  await result.waitFor();
  const setResult = (await result.textContent()) ?? '';
  // The rest, on the faked clock.
  if (set < SETS) await page.clock.runFor(30_000);
  return { ...seen, setResult };
}

test('a guided chair session with the camera on: form per set stored, camera released, no picture sent', (t) =>
  inPage(h(), async ({ context, page, problems }) => {
    const warnings: string[] = [];
    await context.addInitScript(recordCameraStreams);
    const requests = recordRequests(page);
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await newClearedUser(page);
    await openProgramme(page);
    await page.getByRole('link', { name: 'Start today’s session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boat pose on a chair' }).waitFor();
    assert.ok(await page.getByText(`Today: ${SETS} holds of ${HOLD_SECONDS} seconds`).isVisible());
    await chooseScale(page, 'Back pain right now, before the exercise', 4);
    await page.getByRole('button', { name: 'Continue' }).click();

    // The form check is offered from the first step on; the camera goes on before the holds.
    const panel = page.getByRole('region', { name: 'Camera form check' });
    await panel.getByRole('button', { name: 'Use camera to check my form' }).click();
    await panel.getByText(/Seeing \d+ of 17 joints/).waitFor({ timeout: MODEL_TIMEOUT });
    await panel.locator('.coach-cue').waitFor({ timeout: MODEL_TIMEOUT });
    assert.deepEqual(await cameraTrackStates(page), ['live']);
    assert.equal(await panel.getByText('The form hold timer runs during the hold.').count(), 1);
    await checkA11y(page, 'session: camera form check');

    await stepToCountdown(page);
    const holds: HoldSeen[] = [];
    for (let set = 1; set <= SETS; set++) holds.push(await doHold(page, set));

    for (const [i, seen] of holds.entries()) {
      assert.ok(seen.joints >= 12, `set ${i + 1}: keypoints seen and drawn (${seen.joints} of 17)`);
      assert.ok(seen.cue.length > 5, `set ${i + 1}: a cue is shown`);
      assert.match(
        seen.timer,
        new RegExp(`^\\d+ of ${HOLD_SECONDS}\\sseconds held$`),
        `set ${i + 1}: the hold timer`,
      );
      assert.match(seen.holdStatus, /^Hold timer: (counting|paused until your form is good)$/);
      assert.match(seen.goodFormText, new RegExp(`^\\d+\\ss of ${HOLD_SECONDS}\\ss in good form$`));
    }
    // Drawn over the picture: the overlay canvas has the video's size and coloured pixels.
    const overlay = await panel.locator('canvas.camera-overlay').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return { width: c.width, height: c.height, painted };
    });
    assert.deepEqual([overlay.width, overlay.height], [640, 480]);
    assert.ok(overlay.painted > 500, `the skeleton is drawn (${overlay.painted} pixels)`);

    await page.getByRole('heading', { level: 2, name: 'All holds done' }).waitFor();
    await chooseScale(page, 'Back pain right now, after the exercise', 3);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('status').filter({ hasText: 'Session saved.' }).waitFor();
    // The session screen closed the camera view: the camera is released.
    assert.equal(await page.getByRole('region', { name: 'Camera form check' }).count(), 0);
    assert.deepEqual(await cameraTrackStates(page), ['ended'], 'the camera track is stopped');
    await checkA11y(page, 'session with the camera: summary');

    const { sessions } = await page.evaluate(async () => {
      const res = await fetch('/api/exercise-sessions?limit=10');
      return (await res.json()) as { sessions: ExerciseSession[] };
    });
    assert.equal(sessions.length, 1);
    const s = sessions[0]!;
    t.diagnostic(
      `stored: held ${s.achievedHoldSeconds.join('/')} s, form ${s.formScores.join('/')}, good form ${s.goodFormSeconds.join('/')} s`,
    );
    assert.equal(s.achievedHoldSeconds.length, SETS);
    assert.equal(s.formScores.length, SETS);
    assert.equal(s.goodFormSeconds.length, SETS);
    for (let i = 0; i < SETS; i++) {
      const score = s.formScores[i];
      const good = s.goodFormSeconds[i];
      assert.equal(typeof score, 'number', `set ${i + 1} has a form score`);
      assert.equal(typeof good, 'number', `set ${i + 1} has seconds in good form`);
      // The photo passes some of the chair boat checks and not all: neither 0 nor 100%.
      assert.ok(score! > 0 && score! < 1, `set ${i + 1}: form score ${score} between 0 and 1`);
      assert.ok(
        Number.isInteger(good) && good! >= 0 && good! <= s.achievedHoldSeconds[i]!,
        `set ${i + 1}: ${good} s`,
      );
    }
    // What the panel said after each hold is what was stored.
    for (const [i, seen] of holds.entries()) {
      assert.equal(
        seen.setResult,
        `Set ${i + 1}: form score ${Math.round(s.formScores[i]! * 100)}%, ${s.goodFormSeconds[i]}\u00a0s in good form.`,
      );
    }
    const formRow = (await page.getByRole('row', { name: /Form \(camera\)/ }).textContent()) ?? '';
    assert.match(
      formRow,
      new RegExp(`${Math.round(s.formScores[0]! * 100)}% \\(${s.goodFormSeconds[0]}\\ss in good form\\)`),
    );

    // The model ran in its worker, and nothing it saw left the browser.
    assert.ok(
      requests.some((r) => /\/assets\/pose-worker-[\w-]+\.js$/.test(new URL(r.url).pathname)),
      'the pose worker was loaded',
    );
    assert.ok(
      requests.some((r) => new URL(r.url).pathname === '/models/movenet-lightning.json'),
      'the recording saw the model load from our own server',
    );
    assert.deepEqual(
      warnings.filter((w) => /pose/i.test(w)),
      [],
      'the pose worker started without a fallback',
    );
    assertNoImageUploads(requests, new URL(h().url).origin);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
