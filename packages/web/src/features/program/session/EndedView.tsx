import { EXERCISE_SAFETY, type ExerciseSessionResult } from '@hipwise/core';
import type { RefObject } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../../components/Alert';
import { QUEUED_WORDS } from '../../../offline/save-or-queue';
import { BlockNotice } from '../BlockNotice';
import { OUTCOME_WORDS, painText, resultNews, sessionSummary } from '../session-words';
import { PhaseHeading } from './PhaseHeading';
import type { SaveState } from './use-session-save';
import { seconds, setsOfHolds } from '../../../lib/units';

interface EndedViewProps {
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly stoppedForPain: boolean;
  readonly save: SaveState;
  readonly onRetry: () => void;
}

/** The end: the stop-for-pain advice if so, the save in progress or failed, then the summary. */
export function EndedView({ headingRef, stoppedForPain, save, onRetry }: EndedViewProps) {
  return (
    <>
      <PhaseHeading headingRef={headingRef}>
        {stoppedForPain ? 'You stopped: rest now' : 'Session summary'}
      </PhaseHeading>
      {stoppedForPain && (
        <Alert tone="warning" title="Stopped for sharp or spreading pain">
          <p>{EXERCISE_SAFETY.afterStopForPain}</p>
          <p>{EXERCISE_SAFETY.pauseRule}</p>
        </Alert>
      )}
      {save.status === 'saving' && <p role="status">Saving your session…</p>}
      {save.status === 'failed' && (
        <Alert tone="error" title="Your session is not saved yet">
          <p>{save.message}</p>
          <button type="button" onClick={onRetry}>
            Try saving again
          </button>
        </Alert>
      )}
      {save.status === 'saved' && <Saved result={save.result} />}
      {save.status === 'queued' && (
        <Alert tone="info" title="Session kept on this device.">
          <p>{QUEUED_WORDS} Your history and plan show it then.</p>
        </Alert>
      )}
      <p className="button-row" style={{ marginTop: '1.5rem' }}>
        <Link href="/">Back to your programme</Link>
        <Link href="~/today">Today</Link>
      </p>
    </>
  );
}

function Saved({ result }: { readonly result: ExerciseSessionResult }) {
  const s = result.session;
  const sum = sessionSummary(s);
  return (
    <>
      <Alert tone="success" title="Session saved.">
        <p>It is in your session history.</p>
      </Alert>
      <table className="summary-table">
        <caption className="sr-only">This session</caption>
        <tbody>
          <tr>
            <th scope="row">Result</th>
            <td>{OUTCOME_WORDS[sum.outcome]}</td>
          </tr>
          <tr>
            <th scope="row">Holds</th>
            <td>
              {s.achievedHoldSeconds.length > 0 ? seconds(s.achievedHoldSeconds) : 'none'} of{' '}
              {setsOfHolds(s.plannedSets, s.plannedHoldSeconds)}
            </td>
          </tr>
          <tr>
            <th scope="row">Pain</th>
            <td>{painText(s, false)}</td>
          </tr>
          {s.formScores.some((f) => f !== null) && (
            <tr>
              <th scope="row">Form (camera)</th>
              <td>
                {s.formScores
                  .map((f, i) =>
                    f === null
                      ? 'not seen'
                      : `${Math.round(f * 100)}% (${seconds(s.goodFormSeconds[i] ?? 0)} in good form)`,
                  )
                  .join(', ')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {resultNews(result).map((n) => (
        <p key={n}>
          <strong>{n}</strong>
        </p>
      ))}
      {result.block && <BlockNotice block={result.block} />}
    </>
  );
}
