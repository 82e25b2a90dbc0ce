import {
  INSTRUMENTS,
  isInstrumentId,
  pathwayFor,
  verdictOf,
  type InstrumentId,
  type ResponseEnvelope,
} from '@hipwise/core';
import { useCallback, useRef, useState } from 'react';
import { Link } from 'wouter';
import { isApiError, measuresApi } from '../../api';
import { QUEUED_WORDS, saveOrQueue } from '../../offline/save-or-queue';
import { Alert } from '../../components/Alert';
import { randomId } from '../../lib/random-id';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { resultExplanation } from './wording';
import { LoadStatus } from '../../components/LoadStatus';

type Answers = Record<string, number>;

function Result({ envelope }: { readonly envelope: ResponseEnvelope }) {
  const { response } = envelope;
  const scores = response.scores;
  if (!scores) return null;
  const risk = pathwayFor(scores.risk);
  return (
    <section className="card" aria-labelledby="result-title" data-testid="questionnaire-result">
      <h2 id="result-title">Your result</h2>
      <p className="result-score">
        {INSTRUMENTS[response.instrumentId].shortName}: <strong>{scores.total}</strong>
      </p>
      <p>{resultExplanation(response.instrumentId, scores)}</p>
      {risk && (
        <Alert tone={scores.risk === 'high' ? 'warning' : 'info'} title={`Risk group: ${risk.title}`}>
          <p>{risk.meaning}</p>
          <p>{risk.advice}</p>
        </Alert>
      )}
      <p>
        Your answers and score are saved. <Link href="/">Back to Progress</Link>
      </p>
    </section>
  );
}

function Queued() {
  return (
    <section className="card" aria-labelledby="result-title">
      <h2 id="result-title">Your answers are kept on this device</h2>
      <p>{QUEUED_WORDS} Your score shows on Progress once they are saved.</p>
      <p>
        <Link href="/">Back to Progress</Link>
      </p>
    </section>
  );
}

function Questionnaire({
  instrumentId,
  draft,
}: {
  readonly instrumentId: InstrumentId;
  readonly draft: ResponseEnvelope | null;
}) {
  const instrument = INSTRUMENTS[instrumentId];
  const items = instrument.items;
  const startIndex = (() => {
    const next = draft?.progress.nextItemId;
    const i = next ? items.findIndex((x) => x.id === next) : 0;
    return i < 0 ? 0 : i;
  })();
  const [answers, setAnswers] = useState<Answers>(() => ({ ...(draft?.response.answers ?? {}) }));
  const [responseId, setResponseId] = useState<string | undefined>(draft?.response.id);
  const [index, setIndex] = useState(startIndex);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string>();
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<ResponseEnvelope | 'queued'>();
  const [offline, setOffline] = useState(false);
  const [resumed, setResumed] = useState(Boolean(draft && draft.progress.answered > 0));
  const [confirmRestart, setConfirmRestart] = useState(false);
  const finishKey = useRef<string | null>(null);
  const busy = useRef(false);

  const item = items[index];
  const answered = items.filter((i) => answers[i.id] !== undefined).length;
  const last = index === items.length - 1;

  /**
   * Saves the answers so far (a draft) or the finished questionnaire. Without hipwise, a draft stays
   * on the page (the finished answers carry all of it) and the finished one waits on the device.
   */
  async function persist(
    next: Answers,
    completed: boolean,
  ): Promise<ResponseEnvelope | 'queued' | 'kept' | undefined> {
    if (busy.current) return undefined;
    busy.current = true;
    setStatus('saving');
    setError(undefined);
    const body = { instrumentId, answers: next, completed };
    try {
      if (completed) {
        finishKey.current ??= randomId();
        const result = await saveOrQueue('questionnaire', { body, id: responseId }, finishKey.current);
        setStatus('saved');
        return result.status === 'sent' ? result.answer : 'queued';
      }
      const env = await measuresApi.save(body, { id: responseId });
      setResponseId(env.response.id);
      setOffline(false);
      setStatus('saved');
      return env;
    } catch (e) {
      if (!completed && isApiError(e) && verdictOf(e.status) === 'retry') {
        setOffline(true);
        setStatus('idle');
        return 'kept';
      }
      setStatus('idle');
      setError(isApiError(e) ? e.message : 'Could not save. Check your connection and try again.');
      return undefined;
    } finally {
      busy.current = false;
    }
  }

  async function next() {
    if (!item) return;
    if (answers[item.id] === undefined) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setResumed(false);
    if (last) {
      const firstGap = items.findIndex((i) => answers[i.id] === undefined);
      if (firstGap >= 0) {
        setIndex(firstGap);
        setMissing(true);
        return;
      }
      const env = await persist(answers, true);
      if (env && env !== 'kept') setDone(env);
      return;
    }
    const env = await persist(answers, false);
    if (env) setIndex(index + 1);
  }

  async function restart() {
    if (responseId) {
      try {
        await measuresApi.discard(responseId);
      } catch (e) {
        setError(isApiError(e) ? e.message : 'Could not start over. Please try again.');
        return;
      }
    }
    setAnswers({});
    setResponseId(undefined);
    setIndex(0);
    setResumed(false);
    setConfirmRestart(false);
    setStatus('idle');
  }

  if (done === 'queued') return <Queued />;
  if (done) return <Result envelope={done} />;
  if (!item) return null;
  const legendId = `q-${item.id}-legend`;

  return (
    <section className="card" aria-labelledby={legendId}>
      {resumed && (
        <Alert tone="info" title={`Welcome back: ${answered} of ${items.length} already answered.`}>
          <p>We kept your answers; carry on where you stopped.</p>
          {confirmRestart ? (
            <div className="button-row">
              <span>Throw away these answers?</span>
              <button type="button" onClick={() => void restart()}>
                Yes, start over
              </button>
              <button type="button" onClick={() => setConfirmRestart(false)}>
                No, keep them
              </button>
            </div>
          ) : (
            <button type="button" className="link-button" onClick={() => setConfirmRestart(true)}>
              Start over instead
            </button>
          )}
        </Alert>
      )}
      <div className="form-progress">
        <label htmlFor="q-progress">
          Question {index + 1} of {items.length}
        </label>
        <progress id="q-progress" max={items.length} value={answered} />
      </div>
      {offline && (
        <Alert tone="info" title="hipwise cannot be reached just now.">
          <p>Carry on: your answers stay on this page, and are kept on this device when you finish.</p>
        </Alert>
      )}
      {error && (
        <Alert tone="error" title="Not saved">
          <p>{error}</p>
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void next();
        }}
        noValidate
      >
        <fieldset
          className={missing ? 'question field-invalid' : 'question'}
          aria-describedby={missing ? `q-${item.id}-error` : undefined}
        >
          <legend id={legendId}>{item.text}</legend>
          {missing && (
            <p className="field-error" id={`q-${item.id}-error`}>
              Choose an answer to go on.
            </p>
          )}
          <div className={item.options.length > 5 ? 'answer-options answer-options-scale' : 'answer-options'}>
            {item.options.map((o) => (
              <label key={o.value} className="answer-option">
                <input
                  type="radio"
                  name={item.id}
                  value={o.value}
                  checked={answers[item.id] === o.value}
                  onChange={() => {
                    setAnswers((a) => ({ ...a, [item.id]: o.value }));
                    setMissing(false);
                    finishKey.current = null;
                  }}
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button
            type="button"
            disabled={index === 0 || status === 'saving'}
            onClick={() => setIndex(index - 1)}
          >
            Back
          </button>
          <button type="submit" className="primary" disabled={status === 'saving'}>
            {status === 'saving' ? 'Saving…' : last ? 'Finish and see my result' : 'Next'}
          </button>
        </div>
        <p className="hint" role="status">
          {status === 'saved' ? 'Your answers so far are saved. ' : ''}You can close this page and come back:
          we keep your answers.
        </p>
      </form>
    </section>
  );
}

export function QuestionnairePage({ id }: { readonly id: string }) {
  const known = isInstrumentId(id);
  const instrument = known ? INSTRUMENTS[id] : undefined;
  usePageTitle(instrument?.shortName ?? 'Questionnaire');
  const load = useCallback(
    async (signal: AbortSignal) => {
      if (!known) return null;
      const offered = await measuresApi.instruments(signal);
      if (!offered.some((i) => i.id === id)) return { offered: false as const };
      return { offered: true as const, draft: await measuresApi.draft(id, signal) };
    },
    [id, known],
  );
  const { state, reload } = useLoad(load);

  if (!instrument || !known) {
    return (
      <>
        <h1>Questionnaire not found</h1>
        <p>
          There is no questionnaire called “{id}”. <Link href="/">Back to Progress</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{instrument.name}</h1>
      <p className="lead">{instrument.instructions}</p>
      <p className="licence-note" data-testid="licence-note">
        <small>{instrument.licence.note}</small>
      </p>
      <LoadStatus state={state} retry={reload} what="the questionnaire" />
      {state.status === 'ready' && state.data && !state.data.offered && (
        <Alert tone="info" title="Not offered here">
          <p>
            This questionnaire is switched off on this hipwise. <Link href="/">Back to Progress</Link>
          </p>
        </Alert>
      )}
      {state.status === 'ready' && state.data?.offered && (
        <Questionnaire key={id} instrumentId={id} draft={state.data.draft} />
      )}
    </>
  );
}
