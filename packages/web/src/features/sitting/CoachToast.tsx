import { useEffect } from 'react';
import type { CoachEngine } from './coach-engine';

const SHOW_MS = 20_000;

/** A reminder that needs no break screen (stand up, sit down, break over), announced politely. */
export function CoachToast({
  engine,
  toast,
}: {
  readonly engine: CoachEngine;
  readonly toast: { id: number; text: string } | null;
}) {
  useEffect(() => {
    if (!toast) return;
    const id = window.setTimeout(() => engine.dismissToast(), SHOW_MS);
    return () => window.clearTimeout(id);
  }, [engine, toast]);

  return (
    <div className="coach-toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="coach-toast">
          <p>{toast.text}</p>
          <button type="button" className="link-button" onClick={() => engine.dismissToast()}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
