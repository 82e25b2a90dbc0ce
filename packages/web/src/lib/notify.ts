/** What a hipwise notification says; `tag` replaces an unread one of the same kind. */
export interface AppNotification {
  readonly title: string;
  readonly body: string;
  readonly tag: string;
}

const ICON = '/icons/icon-192.png';

/**
 * Shows a system notification if the user allowed them. Through the service worker when one is
 * active (it works from a background tab, and a click brings this window forward: src/sw/);
 * otherwise with `new Notification`, whose click focuses this window. Best effort: the page's own
 * message stays either way.
 */
export async function showAppNotification({ title, body, tag }: AppNotification): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const options: NotificationOptions = { body, tag, icon: ICON, data: { url: window.location.href } };
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration?.active) {
      await registration.showNotification(title, options);
      return;
    }
    const notification = new Notification(title, options);
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Some platforms allow notifications only from a service worker, and it may be missing.
  }
}
