import { useEffect, useRef, useState, type ReactNode } from 'react';

interface ConfirmActionProps {
  /** The button that asks first, e.g. "Withdraw…". */
  readonly open: string;
  /** The question, as the group's name, e.g. "Withdraw this clearance?". */
  readonly question: string;
  /** What acting will do, in a sentence or two. */
  readonly children: ReactNode;
  /** The button that acts, and its words while it runs. */
  readonly act: string;
  readonly acting: string;
  readonly busy: boolean;
  /** Runs the action; the question closes when it settles (a failure is the caller's to show). */
  readonly onConfirm: () => Promise<unknown>;
}

/**
 * A step that cannot be taken back, asked about first: a button opens the question with the act
 * button focused; "Keep it" or Escape closes it and gives focus back to the button that opened it.
 */
export function ConfirmAction({
  open,
  question,
  children,
  act,
  acting,
  busy,
  onConfirm,
}: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [confirming]);

  function close() {
    refocus.current = true;
    setConfirming(false);
  }

  if (!confirming) {
    return (
      <button ref={opener} type="button" onClick={() => setConfirming(true)}>
        {open}
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="group"
      aria-label={question}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) close();
      }}
    >
      <p>{children}</p>
      <div className="button-row">
        <button
          type="button"
          className="danger"
          disabled={busy}
          autoFocus
          onClick={() => void onConfirm().finally(close)}
        >
          {busy ? acting : act}
        </button>
        <button type="button" onClick={close} disabled={busy}>
          Keep it
        </button>
      </div>
    </div>
  );
}
