import type { OutboxItem } from '@hipwise/core';
import { useEffect, useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import { formatClock } from '../lib/time-format';
import { plural } from '../lib/units';
import { KIND_WORDS } from './senders';
import { outbox } from './sync';
import './offline.css';

/**
 * On every page while signed in: whether hipwise can be reached, how many of the user's writes
 * wait on this device, "n changes saved" once they are sent, and each write the server refused,
 * with its reason, until the user dismisses it.
 */
export function OfflineStatus({ userId, timeZone }: { readonly userId: string; readonly timeZone: string }) {
  useEffect(() => outbox.start(userId), [userId]);
  const view = useSyncExternalStore(outbox.subscribe, outbox.getView);

  let message = '';
  if (view.waiting > 0) {
    message = view.reachable
      ? `${plural(view.waiting, 'change')} kept on this device will be saved when hipwise answers again.`
      : `Offline – ${plural(view.waiting, 'change')} will be saved when hipwise is back.`;
  } else if (!view.reachable) {
    message = 'Offline – what you record now is kept on this device until hipwise is back.';
  } else if (view.saved > 0) {
    message = `${plural(view.saved, 'change')} saved.`;
  }

  return (
    <>
      {/* Always in the page, so screen readers announce each change of its text. */}
      <div className={message ? 'offline-status offline-status-shown' : 'offline-status'} role="status">
        {message && <p>{message}</p>}
        {view.saved > 0 && view.waiting === 0 && view.reachable && (
          <button type="button" className="link-button" onClick={() => outbox.clearSaved()}>
            OK
          </button>
        )}
      </div>
      {view.refused.map((item) => (
        <Refused key={item.seq} item={item} timeZone={timeZone} />
      ))}
    </>
  );
}

function Refused({ item, timeZone }: { readonly item: OutboxItem; readonly timeZone: string }) {
  const words = KIND_WORDS[item.kind];
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">
        {words.what} from {formatClock(item.createdAt, timeZone)} {words.was} not saved
      </p>
      <p>{item.refused?.message}</p>
      <p className="button-row">
        <Link href={words.review}>Review</Link>
        <button type="button" onClick={() => void outbox.dismiss(item.seq)}>
          Dismiss
        </button>
      </p>
    </div>
  );
}
