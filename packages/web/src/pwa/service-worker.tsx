import { createRoot, type Root } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { UpdateNotice, type UpdateReason } from './UpdateNotice';

// An installed window can stay open for days with no navigation that would make the browser look
// for a new version; it asks once an hour (a small request for sw.js, answered from the server).
const UPDATE_CHECK_MS = 60 * 60 * 1000;
// If the waiting version never takes over (it failed, or another window already replaced it),
// Reload still reloads.
const RELOAD_FALLBACK_MS = 5_000;

/**
 * Registers the service worker (src/sw/sw.ts) once the page has loaded, and shows the update
 * notice when a new version is waiting. The new version takes over only when the user presses
 * Reload in the notice: the service worker never skips waiting by itself.
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  let root: Root | null = null;
  let reason: UpdateReason | null = null;
  let reloading = false;

  const render = () => {
    if (!root) {
      const host = document.createElement('div');
      document.body.append(host);
      root = createRoot(host);
    }
    root.render(<UpdateNotice reason={reason} reloading={reloading} onReload={reload} onLater={later} />);
  };
  const show = (why: UpdateReason) => {
    reason = why;
    render();
  };
  const later = () => {
    reason = null;
    render();
  };
  const reload = () => {
    reloading = true;
    render();
    if (reason === 'other-window') {
      window.location.reload();
      return;
    }
    // The waiting worker takes over; workbox-window then calls onNeedReload below.
    void updateServiceWorker(true);
    window.setTimeout(() => window.location.reload(), RELOAD_FALLBACK_MS);
  };

  const updateServiceWorker = registerSW({
    onNeedRefresh: () => show('this-window'),
    // The new version took over: at this window's request, reload now; at another window's,
    // this page keeps running what it has loaded and says so.
    onNeedReload: () => {
      if (reloading) window.location.reload();
      else show('other-window');
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      window.setInterval(() => {
        registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
    // Without a service worker (blocked by a policy, private mode) hipwise works online as before.
    onRegisterError: () => undefined,
  });
}
