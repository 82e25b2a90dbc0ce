/** What the user chose under Settings > Appearance. */
export type ThemeSetting = 'system' | 'light' | 'dark';
/** The palette the page is drawn in. */
export type Theme = 'light' | 'dark';

export const THEME_SETTINGS: readonly ThemeSetting[] = ['system', 'light', 'dark'];

/** The title bar and splash colours: the brand teal on light, the page's own dark on dark. */
export const THEME_COLOURS = { light: '#1f5f5b', dark: '#121715' } as const;

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

/**
 * The `theme-color` of index.html's `<meta media="(prefers-color-scheme: scheme)">`: the colour of
 * the theme the page shows while the system is in `scheme`, so an explicit choice colours the
 * title bar in both, and "system" keeps each meta's own.
 */
export function themeColourFor(setting: ThemeSetting, scheme: Theme): string {
  return THEME_COLOURS[resolveTheme(setting, scheme === 'dark')];
}
