import { clearanceCovers, OUTCOME_ADVICE, type LocalDate, type Screening } from '@hipwise/core';
import { useCallback } from 'react';
import { Link } from 'wouter';
import { LoadFailed } from '../../components/LoadFailed';
import { Loading } from '../../components/Loading';
import { formatLongDate } from '../../lib/dates';
import { useLoad } from '../../lib/use-load';
import { clearanceApi } from '../../api';
import { ClearanceForm } from './ClearanceForm';

interface ClearanceStatusProps {
  readonly screening: Screening;
  readonly today: LocalDate;
  /** A clearance was recorded: whatever shows the plan should read it again. */
  readonly onChange: () => void;
}

/**
 * Under a screening outcome that is not clear: whether a clinician's clearance unlocks the
 * programme, the form to record one where that is allowed, and always the way to answer again.
 */
export function ClearanceStatus({ screening, today, onChange }: ClearanceStatusProps) {
  const load = useCallback((signal: AbortSignal) => clearanceApi.list(signal), []);
  const { state, reload } = useLoad(load);
  const again = (
    <p>
      <Link href="~/screening">Answer the safety questions again</Link> if something has changed.
    </p>
  );
  if (!OUTCOME_ADVICE[screening.outcome].clearanceAllowed) {
    return (
      <>
        <p>
          <strong>A clinician’s clearance cannot unlock the programme after this result.</strong> Once these
          signs have gone and you have been assessed, answer the safety questions again.
        </p>
        {again}
      </>
    );
  }
  if (state.status === 'loading') return <Loading label="Loading your clearances…" />;
  if (state.status === 'failed') {
    return <LoadFailed title="Could not load your clearances" message={state.message} retry={reload} />;
  }
  const active = state.data.filter((c) => c.revokedAt === null);
  const covering = active.filter((c) => clearanceCovers(screening, [c])).at(-1);
  if (covering) {
    return (
      <>
        <p className="cleared">
          <span aria-hidden="true">✓ </span>
          You recorded that a clinician cleared you to exercise on {formatLongDate(covering.clearedOn)}. The
          programme is open; your answers stay on record as you gave them. You can withdraw the clearance in{' '}
          <Link href="~/settings">Settings</Link>.
        </p>
        {again}
      </>
    );
  }
  return (
    <>
      <ClearanceForm
        today={today}
        reason="screening"
        onRecorded={() => {
          reload();
          onChange();
        }}
      />
      {again}
    </>
  );
}
