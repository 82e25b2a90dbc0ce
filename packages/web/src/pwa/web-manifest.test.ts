import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { THEME_COLOURS } from '../lib/theme';
import { webManifest } from './web-manifest';

const web = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

test("index.html's theme-color for each colour scheme is the manifest's", () => {
  const html = readFileSync(web('index.html'), 'utf8');
  const metas = [
    ...html.matchAll(/<meta name="theme-color" media="\(prefers-color-scheme: (\w+)\)" content="([^"]+)"/g),
  ];
  assert.deepEqual(Object.fromEntries(metas.map((m) => [m[1], m[2]])), THEME_COLOURS);
  assert.equal(webManifest.theme_color, THEME_COLOURS.light);
});

test('every icon the manifest names is a committed PNG of the size it claims', () => {
  const icons = [...webManifest.icons, ...webManifest.shortcuts.flatMap((s) => s.icons)];
  for (const icon of icons) {
    const png = readFileSync(web(`public${icon.src}`));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', icon.src);
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
  }
  const purposes = webManifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  for (const needed of ['192x192 any', '512x512 any', '512x512 maskable'])
    assert.ok(purposes.includes(needed), needed);
});

test('the start page and the shortcuts lie inside the scope', () => {
  for (const url of [webManifest.start_url, ...webManifest.shortcuts.map((s) => s.url)]) {
    assert.ok(url.startsWith(webManifest.scope), url);
  }
});
