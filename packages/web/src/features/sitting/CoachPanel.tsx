import { pauseUntil } from '@hipwise/core';
import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { coachSentence } from './CoachStatus';
import { useNow } from '../../lib/use-now';
import { useCoach } from './coach-store';
import { refusalText } from './why-disabled';
import { plural } from '../../lib/units';

const PAUSE_CHOICES = [
  { value: '30', label: plural(30, 'minute') },
  { value: '60', label: plural(1, 'hour') },
  { value: '120', label: plural(2, 'hour') },
  { value: 'tomorrow', label: 'until tomorrow' },
] as const;

/** What the coach is doing, and the controls that do not need a break on screen. */
export function CoachPanel() {
  const coach = useCoach();
  const now = useNow(15_000);
  const [pauseChoice, setPauseChoice] = useState<string>('60');

  if (coach.status !== 'running' || !coach.handle || !coach.view) {
    return (
      <section className="card" aria-labelledby="coach-title">
        <h2 id="coach-title">Break coach</h2>
        {coach.status === 'starting' ? (
          <>
            <Loading label="Starting the break coach…" />
            <p className="hint">
              If hipwise is open in another tab, the coach runs there; close it to run it here.
            </p>
          </>
        ) : coach.status === 'disabled' ? (
          <p role="status">
            Break reminders are off. Turn them on with “Remind me to take breaks” in the settings below.
          </p>
        ) : (
          <p>The break coach is not running.</p>
        )}
      </section>
    );
  }
  const { engine, timeZone } = coach.handle;
  const view = coach.view;
  const status = engine.status(Math.max(now, view.state.at));
  const paused = view.state.phase.name === 'paused';
  const onWalk = view.state.phase.name === 'on-break' && view.state.phase.kind === 'walk';
  const standing = view.state.posture === 'standing';

  function pause() {
    const at = engine.now();
    const until = pauseUntil(
      at,
      pauseChoice === 'tomorrow' ? 'tomorrow' : { minutes: Number(pauseChoice) },
      view.config,
      timeZone,
    );
    engine.send({ type: 'pause', at, until });
  }

  return (
    <section className="card" aria-labelledby="coach-title">
      <h2 id="coach-title">Break coach</h2>
      <p className="coach-now" role="status" data-testid="coach-status">
        {coachSentence(view, status, timeZone)}
      </p>
      {view.refusal && <Alert tone="warning" title={refusalText(view.refusal.reason)} />}
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          disabled={onWalk}
          onClick={() => engine.send({ type: 'take-break-now', at: engine.now() })}
        >
          Take a break now
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={standing}
          onClick={() =>
            engine.send({
              type: 'posture-changed',
              at: engine.now(),
              posture: standing ? 'sitting' : 'standing',
            })
          }
        >
          {standing ? 'I am sitting again' : 'I am standing now'}
        </button>
      </div>
      {paused ? (
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => engine.send({ type: 'resume', at: engine.now() })}
          >
            Resume reminders
          </button>
        </div>
      ) : (
        <div className="pause-row">
          <label htmlFor="pause-for">Pause reminders for</label>
          <select id="pause-for" value={pauseChoice} onChange={(e) => setPauseChoice(e.target.value)}>
            {PAUSE_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={pause}>
            Pause
          </button>
        </div>
      )}
      {view.unsent > 0 && view.sendFailed && (
        <p className="hint" role="status">
          {view.unsent} {view.unsent === 1 ? 'event is' : 'events are'} waiting to be saved; hipwise keeps
          trying.
        </p>
      )}
    </section>
  );
}
