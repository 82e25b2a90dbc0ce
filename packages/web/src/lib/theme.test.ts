import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseThemeSetting, resolveTheme, THEME_SETTINGS } from './theme';

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
