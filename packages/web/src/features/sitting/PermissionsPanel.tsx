import { useState } from 'react';
import { useCoach } from './coach-store';

type NotifyState = NotificationPermission | 'unsupported';

function notificationState(): NotifyState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks for the two browser permissions only when the user presses a button, and says why first. */
export function PermissionsPanel() {
  const coach = useCoach();
  const [notify, setNotify] = useState<NotifyState>(notificationState);
  const [asking, setAsking] = useState<'idle' | 'notify' | null>(null);
  const idle = coach.presence.idle;

  async function askNotifications() {
    setAsking('notify');
    try {
      setNotify(await Notification.requestPermission());
    } finally {
      setAsking(null);
    }
  }

  async function askIdle() {
    if (!coach.handle) return;
    setAsking('idle');
    try {
      await coach.handle.enableIdleDetection();
    } finally {
      setAsking(null);
    }
  }

  return (
    <section className="card" aria-labelledby="permissions-title">
      <h2 id="permissions-title">Reminders outside this tab</h2>
      <h3>Notifications</h3>
      <p>
        With notifications, a break reminder reaches you while you work in another window. hipwise shows only
        the short action, such as &ldquo;Time to get up&rdquo;.
      </p>
      {notify === 'granted' && <p role="status">Notifications are on.</p>}
      {notify === 'denied' && (
        <p role="status">
          Notifications are blocked for this site. To turn them on, allow them in your browser&apos;s site
          settings. The break screen inside hipwise still works.
        </p>
      )}
      {notify === 'unsupported' && <p role="status">This browser does not offer notifications.</p>}
      {notify === 'default' && (
        <button
          type="button"
          className="button"
          disabled={asking !== null}
          onClick={() => void askNotifications()}
        >
          Allow notifications
        </button>
      )}

      <h3>Away-from-desk detection</h3>
      <p>
        hipwise counts time at the computer from your use of this page. If you allow it, the browser also
        tells hipwise when you use any other program and when the screen locks, so work in other windows
        counts and time away counts as a break. Only &ldquo;active&rdquo;, &ldquo;idle&rdquo; or
        &ldquo;locked&rdquo; is seen, never what you do.
      </p>
      {idle === 'unsupported' && (
        <p role="status">
          This browser does not offer away-from-desk detection; hipwise uses activity on this page.
        </p>
      )}
      {idle === 'granted' && (
        <p role="status">
          {coach.presence.systemWide
            ? 'Away-from-desk detection is on.'
            : 'Allowed, but the browser could not start it; hipwise uses activity on this page.'}
        </p>
      )}
      {idle === 'denied' && (
        <p role="status">
          Not allowed; hipwise uses activity on this page. You can change this in the site settings.
        </p>
      )}
      {idle === 'prompt' && (
        <button
          type="button"
          className="button"
          disabled={asking !== null || !coach.handle}
          onClick={() => void askIdle()}
        >
          Allow away-from-desk detection
        </button>
      )}
    </section>
  );
}
