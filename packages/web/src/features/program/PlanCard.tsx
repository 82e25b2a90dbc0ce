import {
  dailyPlanSchema,
  painRiseText,
  pathwayFor,
  RESCREEN_WORDING,
  SITTING_RULES,
  type DailyPlanJson,
  type RescreenPromptJson,
} from '@hipwise/core';
import { Alert } from '../../components/Alert';
import { useCallback, useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useMe } from '../auth/session';
import { useLoadWithLastSeen } from '../../offline/use-last-seen';
import { BlockNotice } from './BlockNotice';
import { programApi } from '../../api';
import './program.css';
import { LoadStatus } from '../../components/LoadStatus';
import { minutes, plural } from '../../lib/units';

type Item = Extract<DailyPlanJson, { status: 'ready' }>['items'][number];

function ItemBody({ item }: { readonly item: Item }) {
  switch (item.kind) {
    case 'lesson':
      return (
        <>
          <Link href={`/program/lessons/${item.lessonId}`}>Read: {item.title}</Link>
          <p>
            About {minutes(item.readingMinutes)}
            {item.done ? ' · read today' : ''}
          </p>
        </>
      );
    case 'exercise':
      if (item.painToday !== null) {
        return (
          <>
            <span>{item.title}</span>
            <p className="pain-today">
              <strong>
                {item.painToday === 'stopped_for_pain'
                  ? 'You stopped the exercise for pain today.'
                  : `Your pain went up by ${plural(2, 'point')} or more during today’s session.`}
              </strong>{' '}
              Rest today and try again tomorrow. If the pain is sharp, spreads, or does not settle, see a
              doctor or physiotherapist. Two painful sessions within a week pause the programme.
            </p>
          </>
        );
      }
      return (
        <>
          {item.done ? (
            <span>{item.title}</span>
          ) : (
            <Link href={`/program/session/${item.variant}`}>Exercise: {item.title}</Link>
          )}
          <p>{item.done ? 'Done today. Well done.' : `About ${plural(3, 'minute')}, guided step by step.`}</p>
        </>
      );
    case 'stress':
      return (
        <>
          {item.done ? <span>{item.title}</span> : <Link href="/stress">{item.title}</Link>}
          <p>
            {item.done
              ? 'Done today.'
              : 'Added to your plan because of your STarT Back result: paced breathing on the Stress page.'}
          </p>
        </>
      );
    case 'checkin':
      return (
        <>
          <a href="#checkin-title">{item.title}</a>
          <p>{item.done ? 'Done today.' : 'Below on this page.'}</p>
        </>
      );
    case 'sitting':
      return (
        <>
          <Link href="/sitting">{item.title}</Link>
          <details>
            <summary>The six sitting rules</summary>
            <ul>
              {SITTING_RULES.filter((r) => item.ruleIds.includes(r.id)).map((r) => (
                <li key={r.id}>{r.title}</li>
              ))}
            </ul>
          </details>
        </>
      );
  }
}

/** Why the safety questions are offered again today (pain rising, 12 weeks, changed questions). */
function RescreenNotice({ rescreen }: { readonly rescreen: RescreenPromptJson }) {
  if (rescreen.reasons.length === 0) return null;
  const painRising = rescreen.reasons.includes('pain_rising');
  return (
    <Alert
      tone="warning"
      title={painRising ? 'Your pain is going up' : 'Time to answer the safety questions again'}
    >
      {rescreen.reasons.map((r) => (
        <p key={r}>{RESCREEN_WORDING[r]}</p>
      ))}
      {rescreen.painRise && <p>{painRiseText(rescreen.painRise)}</p>}
      <p>
        <Link href="~/screening">Answer the safety questions again</Link>
      </p>
    </Alert>
  );
}

/** The STarT Back pathway's referral advice, shown with the plan it shapes (none for low risk). */
function PathwayAdvice({
  risk,
}: {
  readonly risk: Extract<DailyPlanJson, { status: 'ready' }>['startBackRisk'];
}) {
  const step = pathwayFor(risk);
  if (!step || step.plan.referral === 'none') return null;
  return (
    <div className="pathway-advice" data-testid="pathway-advice">
      <p>
        <strong>Your STarT Back result: {step.title}.</strong> {step.advice}
      </p>
    </div>
  );
}

interface PlanCardProps {
  /**
   * The date of today's check-in when the Today page has one: passing it lets the card tick the
   * check-in as soon as it is saved. Without it, the card refreshes when the tab comes back.
   */
  readonly checkinDate?: string | null;
  /** Changes when something else on the page changed the plan (e.g. a clearance was recorded). */
  readonly refreshKey?: number;
}

/** Today's plan on the Today page: what to do today, ticked when done. */
export function PlanCard({ checkinDate, refreshKey }: PlanCardProps = {}) {
  const { user } = useMe();
  const load = useCallback((signal: AbortSignal) => programApi.plan(signal), []);
  // Today's page says "shown as of" for both when hipwise cannot be reached.
  const { state, reload } = useLoadWithLastSeen(user.id, 'plan', dailyPlanSchema, load);

  // A check-in saved on this page, or work done in another tab, shows without a manual reload.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [checkinDate, refreshKey, reload]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  return (
    <section className="card plan-card" aria-labelledby="plan-title">
      <h2 id="plan-title">Today’s plan</h2>
      <LoadStatus state={state} retry={reload} what="today’s plan" />
      {state.status === 'ready' && <RescreenNotice rescreen={state.data.rescreen} />}
      {state.status === 'ready' && state.data.status === 'blocked' && (
        <>
          <BlockNotice
            block={state.data.reason}
            outcomeShownAbove
            clearance={{ today: state.data.date, onRecorded: reload }}
          />
          <p className="hint">You can still check in below and read the lessons.</p>
        </>
      )}
      {state.status === 'ready' && state.data.status === 'ready' && (
        <>
          <PathwayAdvice risk={state.data.startBackRisk} />
          <p className="hint">
            Day {state.data.programDay} of your programme · {state.data.items.filter((i) => i.done).length} of{' '}
            {state.data.items.length} done
          </p>
          <ul className="plan-list">
            {state.data.items.map((item) => (
              <li key={item.id} className="plan-item">
                <span className={item.done ? 'tick tick-done' : 'tick'} aria-hidden="true">
                  {item.done ? '✓' : ''}
                </span>
                <span className="sr-only">{item.done ? 'Done:' : 'To do:'}</span>
                <div className="plan-item-body">
                  <ItemBody item={item} />
                </div>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/program">Your programme</Link>
          </p>
        </>
      )}
      <p className="hint">
        New or changed symptoms?{' '}
        <Link href="~/screening?reason=new-symptoms">Tell us: answer the safety questions again</Link>
      </p>
    </section>
  );
}
