import './pwa.css';

/** this-window: a new version waits; other-window: another hipwise window already switched to it. */
export type UpdateReason = 'this-window' | 'other-window';

interface UpdateNoticeProps {
  readonly reason: UpdateReason | null;
  readonly reloading: boolean;
  readonly onReload: () => void;
  readonly onLater: () => void;
}

/**
 * Announces a new version politely and waits: it is applied only when the user presses Reload,
 * never in the middle of what they are doing (an exercise session, a half-filled form).
 */
export function UpdateNotice({ reason, reloading, onReload, onLater }: UpdateNoticeProps) {
  return (
    <div className="update-notice-region" role="status" aria-live="polite">
      {reason && (
        <div className="update-notice">
          <p>
            {reason === 'this-window'
              ? 'A new version of hipwise is ready.'
              : 'hipwise was updated in another window. Reload this page to use the new version.'}
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={onReload} disabled={reloading}>
              {reloading ? 'Reloading…' : 'Reload to update'}
            </button>
            <button type="button" onClick={onLater} disabled={reloading}>
              Later
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
