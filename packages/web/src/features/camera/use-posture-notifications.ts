import { useCallback, useState } from 'react';
import { showAppNotification } from '../../lib/notify';

export type NotifyPermission = NotificationPermission | 'unsupported';

function currentPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Optional system notifications for posture nudges: asked for only when the user ticks the box,
 * and used only while hipwise is not the focused window (on screen, the page's own message is enough).
 */
export function usePostureNotifications() {
  const [permission, setPermission] = useState<NotifyPermission>(currentPermission);
  const [wanted, setWanted] = useState(false);

  const setEnabled = useCallback(async (on: boolean) => {
    setWanted(on);
    if (on && typeof Notification !== 'undefined' && Notification.permission === 'default') {
      setPermission(await Notification.requestPermission());
    }
  }, []);

  const enabled = wanted && permission === 'granted';

  const notify = useCallback(
    (title: string, body: string) => {
      if (!enabled || document.hasFocus()) return;
      // One tag: a new nudge replaces an unread one instead of piling up.
      void showAppNotification({ title, body, tag: 'hipwise-posture' });
    },
    [enabled],
  );

  return { permission, wanted, enabled, setEnabled, notify };
}
