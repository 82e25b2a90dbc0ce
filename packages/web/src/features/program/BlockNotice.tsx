import { OUTCOME_ADVICE, SAFETY_PAUSE_ADVICE, type LocalDate, type PlanBlockJson } from '@hipwise/core';
import { Link } from 'wouter';
import { Alert } from '../../components/Alert';
import { formatLongDate } from '../../lib/dates';
import { ClearanceForm } from '../screening/ClearanceForm';

type Pause = Extract<PlanBlockJson, { code: 'safety_pause' }>['pause'];

/** Why each painful session counted, in plain words. */
function PauseReasons({ pause }: { readonly pause: Pause }) {
  return (
    <ul>
      {pause.triggers.map((t, i) => (
        <li key={`${t.date}-${i}`}>
          {t.reason === 'stopped_for_pain'
            ? `On ${formatLongDate(t.date)} you stopped the exercise for pain.`
            : `On ${formatLongDate(t.date)} your pain went from ${t.painBefore} before the session to ${t.painAfter} after it.`}
        </li>
      ))}
    </ul>
  );
}

interface BlockNoticeProps {
  readonly block: PlanBlockJson;
  /** On Today the screening outcome is already at the top of the page: do not repeat its advice. */
  readonly outcomeShownAbove?: boolean;
  /**
   * With the user's today and a callback, a clinician's clearance can be recorded right here
   * (where it is allowed); without them, the notice says where to record one.
   */
  readonly clearance?: { readonly today: LocalDate; readonly onRecorded: () => void };
}

/** Why the programme is withheld, and what to do about it. Links are absolute (works in nested routes). */
export function BlockNotice({ block, outcomeShownAbove = false, clearance }: BlockNoticeProps) {
  switch (block.code) {
    case 'screening_missing':
      return (
        <Alert tone="warning" title="Answer the safety questions first">
          <p>The exercises open once the safety questions find nothing that needs a clinician first.</p>
          <p>
            <Link href="~/screening">Answer the safety questions</Link>
          </p>
        </Alert>
      );
    case 'screening_not_clear': {
      const advice = OUTCOME_ADVICE[block.outcome];
      if (outcomeShownAbove) {
        return (
          <p>
            The exercises are locked because of your answers to the safety questions: see the advice at the
            top of this page
            {block.clearanceAllowed ? ', where you can also record a clinician’s clearance' : ''}.
          </p>
        );
      }
      return (
        <Alert
          tone={block.outcome === 'see_clinician' ? 'warning' : 'error'}
          title={`Exercises are locked: ${advice.title}`}
        >
          <p>{advice.whatToDo}</p>
          {block.clearanceAllowed ? (
            clearance ? (
              <ClearanceForm today={clearance.today} reason="screening" onRecorded={clearance.onRecorded} />
            ) : (
              <p>
                When a clinician has cleared you, record it on <Link href="~/today">Today</Link>.
              </p>
            )
          ) : (
            <p>
              After this result, only a new screening can unlock the exercises, once these signs have gone.
            </p>
          )}
          <p>
            <Link href="~/screening">Answer the safety questions again</Link> if something has changed.
          </p>
        </Alert>
      );
    }
    case 'safety_pause':
      return (
        <Alert tone="warning" title={SAFETY_PAUSE_ADVICE.title}>
          <p>{SAFETY_PAUSE_ADVICE.text}</p>
          <PauseReasons pause={block.pause} />
          <p>{SAFETY_PAUSE_ADVICE.howToResume}</p>
          {clearance ? (
            <ClearanceForm
              today={clearance.today}
              reason="pause"
              after={block.pause.lastStop}
              onRecorded={clearance.onRecorded}
            />
          ) : (
            <p>
              Record a clinician’s clearance on <Link href="~/today">Today</Link>.
            </p>
          )}
          <p>
            <Link href="~/screening">Answer the safety questions again</Link>
          </p>
        </Alert>
      );
  }
}
