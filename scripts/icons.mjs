// Renders the app's icons (packages/web/public/icons/*.png) from packages/web/public/favicon.svg
// with Debian's Chromium through playwright-core, the browser the tests already use, so nothing is
// fetched. The PNGs are committed; run this again after changing the favicon.
//
//   node scripts/icons.mjs      (npm run icons)
//
// "any" icons are the favicon as it is (a rounded square). "maskable" icons fill the whole square
// with the background and shrink the mark into the central safe zone (a circle of 80% of the
// width), because launchers crop them to their own shape.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'web', 'public');
const favicon = readFileSync(path.join(web, 'favicon.svg'), 'utf8');

function maskable(svg) {
  const rect = /<rect [^>]*\/>/.exec(svg)?.[0];
  const mark = /<path [^>]*\/>/.exec(svg)?.[0];
  if (!rect || !mark)
    throw new Error('favicon.svg no longer has one <rect> and one <path>: update this script');
  const fullBleed = rect.replace(/\s+rx="[^"]*"/, '');
  // The mark spans about 15 x 21 of the 32 units; at 0.75 it lies within the safe circle (r = 12.8).
  return svg
    .replace(rect, fullBleed)
    .replace(mark, `<g transform="translate(16 16) scale(0.75) translate(-16 -16)">${mark}</g>`);
}

const ICONS = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'icon-maskable-192.png', size: 192, svg: maskable(favicon) },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable(favicon) },
];

const outDir = path.join(web, 'icons');
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, size, svg } of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, type: 'png' });
    writeFileSync(path.join(outDir, file), png);
    console.log(`${file}: ${size}x${size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
