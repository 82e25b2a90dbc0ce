import { OUTCOME_ADVICE, SAFETY_PAUSE_ADVICE, type PlanBlockJson } from '@hipwise/core';
import { Link } from 'wouter';
import { Alert } from '../../components/Alert';
import { formatLongDate } from '../../lib/dates';

/** Why the programme is withheld, and what to do about it. Links are absolute (works in nested routes). */
export function BlockNotice({
  block,
  outcomeShownAbove = false,
}: {
  readonly block: PlanBlockJson;
  /** On Today the screening outcome is already at the top of the page: do not repeat its advice. */
  readonly outcomeShownAbove?: boolean;
}) {
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
            The exercises are paused until the safety questions find nothing that needs a clinician first: see
            the advice at the top of this page.
          </p>
        );
      }
      return (
        <Alert tone={block.outcome === 'emergency' ? 'error' : 'warning'} title={`Exercises are paused: ${advice.title}`}>
          <p>{advice.whatToDo}</p>
          <p>
            <Link href="~/screening">Answer the safety questions again</Link> once something has changed or a
            clinician has cleared you.
          </p>
        </Alert>
      );
    }
    case 'safety_pause':
      return (
        <Alert tone="warning" title={SAFETY_PAUSE_ADVICE.title}>
          <p>{SAFETY_PAUSE_ADVICE.text}</p>
          <p>
            You stopped for pain on {formatLongDate(block.pause.triggeredBy[0])} and on{' '}
            {formatLongDate(block.pause.triggeredBy[1])}.
          </p>
          <p>{SAFETY_PAUSE_ADVICE.howToResume}</p>
          <p>
            <Link href="~/screening">Answer the safety questions again</Link>
          </p>
        </Alert>
      );
  }
}
