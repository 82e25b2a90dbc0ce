import { useEffect, useRef } from 'react';
import type { CoachEngine, CoachView } from './coach-engine';
import { useNow } from '../../lib/use-now';
import { formatCountdown } from '../../lib/time-format';
import { refusalText, skipBlockedWhy, postponeBlockedWhy, doneBlockedWhy } from './why-disabled';
import { measure, plural } from '../../lib/units';

/** About 100 steps a minute at an easy walking pace. */
const STEPS_PER_MINUTE = 100;

/**
 * The in-app break screen: a modal dialog (the browser keeps focus inside it and makes the page
 * behind inert) with a countdown, the walk idea or the sitting rules one at a time, and the
 * choices the user's settings allow; a disabled choice says why.
 */
export function BreakScreen({ engine, view }: { readonly engine: CoachEngine; readonly view: CoachView }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const screen = view.screen;
  const open = screen !== null;
  const now = useNow(open ? 1000 : 60_000);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      returnFocus.current = document.activeElement;
      el.showModal();
    } else if (!open && el.open) {
      el.close();
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    }
  }, [open]);

  const status = engine.status(Math.max(now, view.state.at));
  const at = () => engine.now();
  const remaining = screen ? screen.endsAt - Math.max(now, view.state.at) : 0;
  const total = screen ? screen.endsAt - screen.startedAt : 1;
  const ruleIndex =
    screen && screen.rules.length > 0
      ? Math.min(screen.rules.length - 1, Math.floor(((total - remaining) / total) * screen.rules.length))
      : 0;
  const rule = screen?.rules[ruleIndex];
  const minutes = Math.round(view.config.breakMinutes);
  const skipWhy = skipBlockedWhy(status, view.config);
  const postponeWhy = postponeBlockedWhy(status, view.config);
  const doneWhy = screen ? doneBlockedWhy(view.config, remaining) : null;
  const refusal = view.refusal ? refusalText(view.refusal.reason) : null;

  return (
    // Escape must not dismiss a break silently: the buttons say what happens to it.
    <dialog
      ref={dialog}
      className="break-screen"
      data-break-screen
      aria-labelledby="break-title"
      aria-describedby="break-what"
      onCancel={(e) => e.preventDefault()}
    >
      {screen && (
        <div className="break-body">
          <h2 id="break-title">{screen.kind === 'walk' ? 'Time for a walking break' : 'Posture reset'}</h2>
          <p className="break-countdown" aria-live="off">
            <span className="sr-only">Time left: </span>
            <time dateTime={`PT${Math.max(0, Math.ceil(remaining / 1000))}S`} data-testid="break-countdown">
              {formatCountdown(remaining)}
            </time>
          </p>
          {screen.kind === 'walk' ? (
            <div id="break-what">
              <p className="break-lead">
                Stand up and walk for {measure(minutes, 'min')}: to the window and back, fetch a glass of
                water, take the stairs.
              </p>
              <p>
                That is about {plural(minutes * STEPS_PER_MINUTE, 'step')}. Walking lets the front of your
                hips lengthen again after sitting.
              </p>
            </div>
          ) : (
            <div id="break-what">
              <p className="break-lead">
                {plural(view.config.micro.seconds, 'second')}: one sitting rule at a time.
              </p>
              {rule && (
                <p className="break-rule" aria-live="polite">
                  <span className="break-rule-number">
                    Rule {rule.id} of {screen.rules.length}:
                  </span>{' '}
                  {rule.text ?? `Sitting rule ${rule.id}`}
                </p>
              )}
            </div>
          )}
          {refusal && (
            <p className="field-error" role="alert">
              {refusal}
            </p>
          )}
          <div className="button-row break-actions">
            <button
              type="button"
              className="button primary"
              disabled={doneWhy !== null}
              aria-describedby={doneWhy ? 'break-done-why' : undefined}
              onClick={() => engine.send({ type: 'break-done', at: at() })}
            >
              Done
            </button>
            <button
              type="button"
              className="button"
              disabled={postponeWhy !== null}
              aria-describedby={postponeWhy ? 'break-postpone-why' : undefined}
              onClick={() => engine.send({ type: 'postpone', at: at(), minutes: 2 })}
            >
              Postpone {measure(2, 'min')}
            </button>
            <button
              type="button"
              className="button"
              disabled={postponeWhy !== null}
              aria-describedby={postponeWhy ? 'break-postpone-why' : undefined}
              onClick={() => engine.send({ type: 'postpone', at: at(), minutes: 5 })}
            >
              Postpone {measure(5, 'min')}
            </button>
            <button
              type="button"
              className="button"
              disabled={skipWhy !== null}
              aria-describedby={skipWhy ? 'break-skip-why' : undefined}
              onClick={() => engine.send({ type: 'skip', at: at() })}
            >
              Skip
            </button>
          </div>
          <div className="break-why">
            {doneWhy && <p id="break-done-why">{doneWhy}</p>}
            {postponeWhy && <p id="break-postpone-why">{postponeWhy}</p>}
            {skipWhy && <p id="break-skip-why">{skipWhy}</p>}
            {!skipWhy && screen.kind === 'walk' && (
              <p className="hint">
                Skips left today: {status.skipsLeftToday} of {view.config.skipsPerDay}.
              </p>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
