/** The part of the Clients API that focusApp uses (a fake in tests). */
export interface WindowClients {
  matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly FocusableWindow[]>;
  openWindow(url: string): Promise<unknown>;
}

export interface FocusableWindow {
  readonly url: string;
  readonly focused: boolean;
  readonly visibilityState: DocumentVisibilityState;
  focus(): Promise<unknown>;
}

/** Where the app opens when no hipwise window is left to focus. */
export const FALLBACK_URL = '/today';

/** The page address a notification carries in its data ({ url }), if it carries one. */
export function notificationUrl(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('url' in data)) return undefined;
  return typeof data.url === 'string' ? data.url : undefined;
}

/**
 * A click on a notification brings hipwise forward: the window that showed it (the break coach
 * runs in one window at a time), else any hipwise window, else a new one on Today.
 */
export async function focusApp(clients: WindowClients, shownAt: string | undefined): Promise<void> {
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const target =
    windows.find((w) => w.url === shownAt) ??
    windows.find((w) => w.visibilityState === 'visible') ??
    windows[0];
  if (target) await target.focus();
  else await clients.openWindow(FALLBACK_URL);
}
