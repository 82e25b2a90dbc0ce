/** What a hipwise notification says; `tag` replaces an unread one of the same kind. */
export interface AppNotification {
  readonly title: string;
  readonly body: string;
  readonly tag: string;
}

/** The browser's side of a notification (the real one: browserNotifier; a fake in tests). */
export interface Notifier {
  permission(): NotificationPermission | 'unsupported';
  /** The service worker's registration, if one is active for this page. */
  activeRegistration(): Promise<Pick<ServiceWorkerRegistration, 'showNotification'> | undefined>;
  /** `new Notification(...)`, whose click brings this window forward. */
  showInPage(title: string, options: NotificationOptions): void;
  pageUrl(): string;
}

export const NOTIFICATION_ICON = '/icons/icon-192.png';

export const browserNotifier: Notifier = {
  permission: () => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission),
  activeRegistration: async () => {
    if (!('serviceWorker' in navigator)) return undefined;
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.active ? registration : undefined;
  },
  showInPage: (title, options) => {
    const notification = new Notification(title, options);
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  },
  pageUrl: () => window.location.href,
};

/**
 * Shows a system notification if the user allowed them. Through the service worker when one is
 * active: it works from a background tab, and a click brings this window forward (src/sw/);
 * otherwise in the page. Best effort: the page's own message stays either way.
 */
export async function showAppNotification(
  { title, body, tag }: AppNotification,
  notifier: Notifier = browserNotifier,
): Promise<void> {
  if (notifier.permission() !== 'granted') return;
  // The service worker focuses the window that showed the notification: it knows it by its address.
  const options: NotificationOptions = {
    body,
    tag,
    icon: NOTIFICATION_ICON,
    data: { url: notifier.pageUrl() },
  };
  try {
    const registration = await notifier.activeRegistration();
    if (registration) await registration.showNotification(title, options);
    else notifier.showInPage(title, options);
  } catch {
    // Some platforms allow notifications only from a service worker, and there may be none.
  }
}
