/**
 * Dark mode: the system's preference by default, the Appearance setting over it, every main screen
 * passing axe in dark, and the canvases (charts, the camera skeleton) redrawn on a live switch.
 * Chromium's fake camera plays a real photo, for the posture check's skeleton.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y } from './axe.js';
import { harnessWithCamera, MODEL_TIMEOUT, PHOTOS } from './camera-fixtures.js';
import { assertNonEmpty, shotPath } from './docs-screenshots.js';
import { seedCheckins } from './history-steps.js';
import { inPage } from './in-page.js';
import { chooseScale, navigateTo, onboardedUser } from './steps.js';

const h = harnessWithCamera(PHOTOS.upright);
const DESKTOP = { viewport: { width: 1280, height: 900 } };

type Theme = 'light' | 'dark';

/** Waits until the page is drawn in `theme`, and returns the page's computed background. */
async function background(page: Page, theme: Theme): Promise<string> {
  await page.waitForFunction((t) => document.documentElement.dataset['theme'] === t, theme);
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** Relative luminance (0 black to 1 white) of a computed `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  assert.ok(r !== undefined && g !== undefined && b !== undefined, `a colour: ${rgb}`);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function assertDark(page: Page, where: string): Promise<void> {
  const bg = await background(page, 'dark');
  assert.ok(luminance(bg) < 0.05, `${where}: a dark background, got ${bg}`);
  const text = await page.evaluate(() => getComputedStyle(document.body).color);
  assert.ok(luminance(text) > 0.6, `${where}: light text, got ${text}`);
}

/** The screen is in dark colours and passes axe as `screen (dark)`; saved as a docs screenshot if `shot` names one. */
async function darkScreen(page: Page, screen: string, shot?: string): Promise<void> {
  await assertDark(page, screen);
  await checkA11y(page, `${screen} (dark)`);
  if (shot === undefined) return;
  const path = shotPath(shot);
  await page.screenshot({ path, fullPage: true });
  assertNonEmpty(path);
}

async function assertLight(page: Page, where: string): Promise<void> {
  const bg = await background(page, 'light');
  assert.ok(luminance(bg) > 0.8, `${where}: a light background, got ${bg}`);
}

/** The first chart's pixels, to see whether it was drawn again in other colours. */
const chartPixels = (page: Page) =>
  page
    .locator('.chart canvas')
    .first()
    .evaluate((c: HTMLCanvasElement) => c.toDataURL());

/** Waits until the first chart's pixels are `expected` (or, with `not`, anything else). */
async function waitForChart(page: Page, expected: string, not = false): Promise<void> {
  await page.waitForFunction(
    ([want, differ]) => {
      const c = document.querySelector<HTMLCanvasElement>('.chart canvas');
      return c !== null && (c.toDataURL() === want) !== differ;
    },
    [expected, not] as const,
  );
}

/** lib/theme.ts THEME_COLOURS: the title bar's colour for each theme. */
const TITLE_BAR = { light: '#1f5f5b', dark: '#121715' } as const;

/** The `theme-color` the browser uses now: the one meta whose media query matches. */
const titleBarColour = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].find(
        (m) => m.media === '' || window.matchMedia(m.media).matches,
      )?.content,
  );

/** The radio of the Appearance setting named `name`. */
const appearance = (page: Page, name: string) =>
  page.getByRole('radiogroup', { name: 'Appearance' }).getByRole('radio', { name, exact: true });

test('dark from the system: every main screen in dark colours passes axe; charts redraw on a live switch', () =>
  inPage(h(), DESKTOP, async ({ page, problems }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await page
      .getByRole('heading', { level: 1, name: 'Ease lower back pain from sitting and stress' })
      .waitFor();
    const lightBackground = await background(page, 'light');

    await page.emulateMedia({ colorScheme: 'dark' });
    await darkScreen(page, 'landing');
    assert.notEqual(await background(page, 'dark'), lightBackground, 'dark differs from light');

    await onboardedUser(page);
    await seedCheckins(h(), page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    await darkScreen(page, 'today', 'dark-today.png');

    // A live switch of the system's preference repaints the page and redraws the chart, without
    // a reload; back in dark, the chart is drawn exactly as before.
    const darkChart = await chartPixels(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await assertLight(page, 'today after the system turned light');
    await waitForChart(page, darkChart, true);
    await page.emulateMedia({ colorScheme: 'dark' });
    await assertDark(page, 'today after the system turned dark again');
    await waitForChart(page, darkChart);

    await page.getByRole('link', { name: /^Exercise: Boat pose on a chair/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Before you start' }).waitFor();
    await chooseScale(page, 'Back pain right now, before the exercise', 3);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Next step' }).waitFor();
    await darkScreen(page, 'exercise session: a step', 'dark-session.png');
    // Leave through the menu: the session asks nothing when no hold has started.
    await navigateTo(page, 'Progress');
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    await darkScreen(page, 'progress', 'dark-progress.png');

    await navigateTo(page, 'Sitting');
    await page.getByRole('heading', { level: 1, name: 'Sitting and breaks' }).waitFor();
    await darkScreen(page, 'sitting');

    await navigateTo(page, 'Stress');
    await page.getByRole('heading', { level: 1, name: 'Stress' }).waitFor();
    await darkScreen(page, 'stress');
    await chooseScale(page, 'Stress before you start', 6);
    await page.getByRole('button', { name: 'Start breathing' }).click();
    await page.getByTestId('pacer').waitFor();
    // The pacer's drawing takes the theme's colours (its outline is the dark palette's primary).
    const darkStroke = await page.locator('.pacer-breath').evaluate((c) => getComputedStyle(c).stroke);
    await darkScreen(page, 'breathing pacer');
    await page.emulateMedia({ colorScheme: 'light' });
    await background(page, 'light');
    const lightStroke = await page.locator('.pacer-breath').evaluate((c) => getComputedStyle(c).stroke);
    assert.notEqual(darkStroke, lightStroke, 'the pacer follows the theme');
    assert.ok(luminance(darkStroke) > luminance(lightStroke), 'a lighter outline on the dark page');
    await page.emulateMedia({ colorScheme: 'dark' });

    await navigateTo(page, 'Settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    assert.ok(await appearance(page, 'System (as this device is set)').isChecked(), 'System by default');
    await darkScreen(page, 'settings');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('Dark in Settings overrides a light system and survives a reload; Light overrides a dark system', () =>
  inPage(h(), DESKTOP, async ({ page, problems }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await onboardedUser(page);
    await navigateTo(page, 'Settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await assertLight(page, 'settings, system light');
    assert.equal(await titleBarColour(page), TITLE_BAR.light);

    // By keyboard: arrow keys move through a radio group and choose as they go.
    const system = appearance(page, 'System (as this device is set)');
    await system.focus();
    await page.keyboard.press('ArrowDown');
    assert.ok(await appearance(page, 'Light').isChecked());
    await page.keyboard.press('ArrowDown');
    assert.ok(await appearance(page, 'Dark').isChecked());
    await darkScreen(page, 'settings: Dark chosen');
    assert.equal(await titleBarColour(page), TITLE_BAR.dark, 'the title bar follows Dark');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    assert.ok(await appearance(page, 'Dark').isChecked(), 'the choice is remembered');
    await assertDark(page, 'settings after a reload');
    assert.equal(await titleBarColour(page), TITLE_BAR.dark, 'and so from the start');

    await page.emulateMedia({ colorScheme: 'dark' });
    await appearance(page, 'Light').check();
    await assertLight(page, 'Light chosen on a dark system');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await assertLight(page, 'Light chosen, after a reload');
    assert.equal(await titleBarColour(page), TITLE_BAR.light, 'the title bar follows Light');

    await system.check();
    await assertDark(page, 'System again, following the dark system');
    assert.equal(await titleBarColour(page), TITLE_BAR.dark);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

/** The colour most of the skeleton overlay's opaque pixels have, as `rgb(r, g, b)`. */
function skeletonColour(page: Page): Promise<string> {
  return page.locator('canvas.camera-overlay').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    const counts = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 255) continue;
      const key = `rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'nothing drawn';
  });
}

/** The stylesheet's colour of a skeleton tone for the theme the page shows now, as `rgb(r, g, b)`. */
function expectedSkeleton(page: Page, tone: 'neutral' | 'good' | 'fix'): Promise<string> {
  return page.evaluate((t) => {
    const probe = document.createElement('span');
    probe.style.color = `var(--skeleton-${t})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, tone);
}

test('the camera overlay: the skeleton in the dark palette, redrawn in the light one on a live switch', () =>
  inPage(h(), DESKTOP, async ({ page, problems }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await onboardedUser(page);
    await page.goto('/camera');
    await page.getByRole('heading', { level: 1, name: 'Camera coach' }).waitFor();
    await darkScreen(page, 'camera coach');

    await page.goto('/camera/posture');
    await page.getByRole('heading', { level: 1, name: 'Posture check' }).waitFor();
    await page.getByRole('button', { name: 'Turn camera on' }).click();
    await page.getByText('Posture: Upright').waitFor({ timeout: MODEL_TIMEOUT });
    await darkScreen(page, 'posture check: camera on');
    // Upright: the skeleton is drawn in the tone for good form.
    const dark = await expectedSkeleton(page, 'good');
    await page.waitForFunction(() => document.querySelector('canvas.camera-overlay') !== null);
    assert.equal(await skeletonColour(page), dark, 'the skeleton is drawn in the dark palette');

    await page.emulateMedia({ colorScheme: 'light' });
    await background(page, 'light');
    const light = await expectedSkeleton(page, 'good');
    assert.notEqual(light, dark);
    // The overlay is redrawn with each analysed frame; the next one is in the light palette.
    for (let i = 0; (await skeletonColour(page)) !== light; i++) {
      assert.ok(i < 100, `the skeleton turns to ${light}`);
      await page.waitForTimeout(100);
    }
    await page.getByRole('button', { name: 'Turn camera off' }).click();
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));
