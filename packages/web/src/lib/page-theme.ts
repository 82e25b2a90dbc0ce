import { useSyncExternalStore } from 'react';
import { parseThemeSetting, resolveTheme, themeColourFor, type Theme, type ThemeSetting } from './theme';

// The choice is kept per device, not on the account: a phone in a dark bedroom and an office
// screen in daylight want different answers, and the page must know it before anyone logs in.
const STORAGE_KEY = 'hipwise.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The Appearance setting stored on this device ("system" when none or storage is blocked). */
export function readThemeSetting(): ThemeSetting {
  try {
    return parseThemeSetting(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be blocked (private modes, policies): follow the system.
    return 'system';
  }
}

function applyTheme(): void {
  const dark = window.matchMedia(DARK_QUERY).matches;
  const setting = readThemeSetting();
  // The stylesheet keys every colour off this attribute (styles.css).
  document.documentElement.dataset['theme'] = resolveTheme(setting, dark);
  // The title bar (installed app, mobile browsers): index.html has one per system scheme.
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    const scheme = meta.media.includes('dark') ? 'dark' : 'light';
    meta.content = themeColourFor(setting, scheme);
  }
}

/** Remembers the choice on this device and repaints the page in it at once. */
export function chooseTheme(setting: ThemeSetting): void {
  try {
    if (setting === 'system') window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, setting);
  } catch {
    // Not remembered, but shown for now.
  }
  applyTheme();
}

/**
 * Called once by the entry module before the first render, so the first paint is already in the
 * right palette; then keeps the page in step with the system's preference and with a choice made
 * in another tab.
 */
export function startTheme(): void {
  applyTheme();
  window.matchMedia(DARK_QUERY).addEventListener('change', applyTheme);
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) applyTheme();
  });
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

const current = (): Theme => (document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light');

/** The theme the page is drawn in now; re-renders on every switch (for canvases that paint colours themselves). */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, current);
}

/** A colour custom property (e.g. `--chart-axis`) as the stylesheet resolves it for `el` now. */
export function cssColour(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim();
}
