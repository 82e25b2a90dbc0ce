/** What the user chose under Settings > Appearance. */
export type ThemeSetting = 'system' | 'light' | 'dark';
/** The palette the page is drawn in. */
export type Theme = 'light' | 'dark';

export const THEME_SETTINGS: readonly ThemeSetting[] = ['system', 'light', 'dark'];

/** A stored value read back: anything unknown (old, edited, blocked storage) means "follow the system". */
export function parseThemeSetting(stored: string | null | undefined): ThemeSetting {
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** The user's choice wins; "system" follows the operating system's light or dark preference. */
export function resolveTheme(setting: ThemeSetting, systemPrefersDark: boolean): Theme {
  switch (setting) {
    case 'light':
    case 'dark':
      return setting;
    case 'system':
      return systemPrefersDark ? 'dark' : 'light';
  }
}
