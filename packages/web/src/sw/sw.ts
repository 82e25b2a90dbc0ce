// hipwise's service worker: the app shell, the pose model and the tfjs .wasm files from the
// precache, so the app opens with the network gone. Nothing else is cached: /api/ answers hold
// personal data and always go to the network (docs/decisions/service-worker.md).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { focusApp, notificationUrl } from './focus-app';

declare const self: ServiceWorkerGlobalScope & {
  readonly __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Client-side routes (/today, /program/session/chair, ...) open the precached index.html; the
// server's own paths never do.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api(?:\/|$)/] }));

// A new version waits until the user chooses "Reload" (src/pwa/): taking over on its own would
// swap the code under a running exercise session. The message is workbox-window's messageSkipWaiting.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

// The first install takes the open page at once (it runs the same version), so it works offline
// without a reload; an update only activates after the user's reload, or when every window is shut.
clientsClaim();

self.addEventListener('notificationclick', (event: NotificationEvent) => {
  event.notification.close();
  event.waitUntil(focusApp(self.clients, notificationUrl(event.notification.data)));
});
