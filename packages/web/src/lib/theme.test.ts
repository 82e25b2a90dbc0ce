import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseThemeSetting, resolveTheme, THEME_COLOURS, themeColourFor, THEME_SETTINGS } from './theme';

test('"system" follows the operating system', () => {
  assert.equal(resolveTheme('system', true), 'dark');
  assert.equal(resolveTheme('system', false), 'light');
});

test('a chosen theme overrides the system preference either way', () => {
  assert.equal(resolveTheme('dark', false), 'dark');
  assert.equal(resolveTheme('dark', true), 'dark');
  assert.equal(resolveTheme('light', true), 'light');
  assert.equal(resolveTheme('light', false), 'light');
});

test('a stored setting reads back as itself; anything else means "system"', () => {
  for (const setting of THEME_SETTINGS) assert.equal(parseThemeSetting(setting), setting);
  for (const junk of [null, undefined, '', 'Dark', 'auto', '1'])
    assert.equal(parseThemeSetting(junk), 'system');
});

test("the title bar's colour follows the theme shown, under either system scheme", () => {
  for (const scheme of ['light', 'dark'] as const) {
    assert.equal(themeColourFor('system', scheme), THEME_COLOURS[scheme]);
    assert.equal(themeColourFor('light', scheme), THEME_COLOURS.light);
    assert.equal(themeColourFor('dark', scheme), THEME_COLOURS.dark);
  }
  assert.notEqual(THEME_COLOURS.light, THEME_COLOURS.dark);
});
