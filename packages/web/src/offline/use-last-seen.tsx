import { useCallback, useMemo } from 'react';
import type { Schema } from '../api/http';
import { formatClock } from '../lib/time-format';
import { useLoad, type LoadState } from '../lib/use-load';
import { withLastSeen } from './last-seen';

/**
 * `useLoad` for a screen worth showing without hipwise: the answer is kept on the device for
 * `userId`, and when hipwise cannot be reached the last one is shown, with `asOf` (epoch ms).
 */
export function useLoadWithLastSeen<T>(
  userId: string,
  what: string,
  schema: Schema<T>,
  load: (signal: AbortSignal) => Promise<T>,
) {
  const seen = useCallback(
    (signal: AbortSignal) => withLastSeen(userId, what, schema, () => load(signal)),
    [userId, what, schema, load],
  );
  const { state: raw, reload, update: updateSeen } = useLoad(seen);
  const state = useMemo<LoadState<T>>(
    () => (raw.status === 'ready' ? { status: 'ready', data: raw.data.data } : raw),
    [raw],
  );
  const update = useCallback(
    (f: (data: T) => T) => updateSeen((s) => ({ ...s, data: f(s.data) })),
    [updateSeen],
  );
  return { state, asOf: raw.status === 'ready' ? raw.data.asOf : null, reload, update };
}

/** "Shown as of 14:30": said next to a screen showing what this device last saw. */
export function ShownAsOf({ asOf, timeZone }: { readonly asOf: number | null; readonly timeZone: string }) {
  if (asOf === null) return null;
  return (
    <p className="shown-as-of">
      hipwise cannot be reached: shown as of {formatClock(asOf, timeZone)}, as this device last saw it.
    </p>
  );
}
