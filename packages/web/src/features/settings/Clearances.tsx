import { redFlagQuestion, type Clearance } from '@hipwise/core';
import { useCallback } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../components/Alert';
import { ConfirmAction } from '../../components/ConfirmAction';
import { formatLongDate } from '../../lib/dates';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { clearanceApi } from '../../api';
import { LoadStatus } from '../../components/LoadStatus';

function ClearanceItem({
  c,
  onWithdrawn,
}: {
  readonly c: Clearance;
  readonly onWithdrawn: (c: Clearance) => void;
}) {
  const { busy, error, run } = useAction();

  return (
    <li className="clearance-item">
      <p>
        <strong>Cleared on {formatLongDate(c.clearedOn)}</strong>
        {c.revokedAt !== null && ' (withdrawn)'}
      </p>
      {c.note && <p>Note: {c.note}</p>}
      {c.coveredFlags.length > 0 && (
        <>
          <p>For your answers:</p>
          <ul>
            {c.coveredFlags.map((id) => (
              <li key={id}>{redFlagQuestion(id).text}</li>
            ))}
          </ul>
        </>
      )}
      {error && <Alert tone="error" title={error} />}
      {c.revokedAt === null && (
        <ConfirmAction
          open="Withdraw…"
          question="Withdraw this clearance?"
          act="Withdraw the clearance"
          acting="Withdrawing…"
          busy={busy}
          onConfirm={() =>
            run(
              async () => onWithdrawn(await clearanceApi.withdraw(c.id)),
              'Something went wrong. Please try again.',
            )
          }
        >
          Withdraw it? What it unlocked is locked again until a new screening or clearance.
        </ConfirmAction>
      )}
    </li>
  );
}

/** Clinicians' clearances the user recorded: shown, and withdrawable (kept on record as withdrawn). */
export function Clearances() {
  const load = useCallback((signal: AbortSignal) => clearanceApi.list(signal), []);
  const { state, reload, update } = useLoad(load);
  return (
    <section className="card" aria-labelledby="clearances-title">
      <h2 id="clearances-title">Clinician’s clearance</h2>
      <p>
        When the safety questions or a pause ask you to see a clinician, and a clinician has cleared you to
        exercise, you record it on the page that asked (Today). It never changes your answers; it is in your
        data export. Something new?{' '}
        <Link href="~/screening?reason=new-symptoms">Answer the safety questions again</Link>.
      </p>
      <LoadStatus state={state} retry={reload} what="your clearances" />
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p>You have not recorded a clinician’s clearance.</p>
        ) : (
          <ul className="clearance-list">
            {[...state.data].reverse().map((c) => (
              <ClearanceItem
                key={c.id}
                c={c}
                onWithdrawn={(w) => update((list) => list.map((x) => (x.id === w.id ? w : x)))}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}
