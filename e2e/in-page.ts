/** A journey's browser page: opened in its own context, closed whatever the journey does. */
import type { Harness, OpenPage } from './harness.js';

export type PageOptions = NonNullable<Parameters<Harness['openPage']>[0]>;

/** The narrow phone the layout checks use. */
export const PHONE: PageOptions = { viewport: { width: 360, height: 780 } };

/** Opens a page in a fresh context, runs `journey` on it, and closes the context afterwards. */
export async function inPage(h: Harness, journey: (p: OpenPage) => Promise<void>): Promise<void>;
export async function inPage(
  h: Harness,
  options: PageOptions,
  journey: (p: OpenPage) => Promise<void>,
): Promise<void>;
export async function inPage(
  h: Harness,
  a: PageOptions | ((p: OpenPage) => Promise<void>),
  b?: (p: OpenPage) => Promise<void>,
): Promise<void> {
  const [options, journey] = typeof a === 'function' ? [{}, a] : [a, b!];
  const opened = await h.openPage(options);
  try {
    await journey(opened);
  } finally {
    await opened.context.close();
  }
}

/**
 * Like inPage, in a browser of its own with a profile on disk (Harness.openPersistentPage): for
 * what an incognito context cannot do, such as being installable.
 */
export async function inPersistentPage(
  h: Harness,
  options: NonNullable<Parameters<Harness['openPersistentPage']>[0]>,
  journey: (p: OpenPage) => Promise<void>,
): Promise<void> {
  const opened = await h.openPersistentPage(options);
  try {
    await journey(opened);
  } finally {
    await opened.close();
  }
}
