import type { Consent } from '@hipwise/core';
import { useCallback, useState } from 'react';
import { practiceApi } from '../../api';
import { Alert } from '../../components/Alert';
import { ConfirmAction } from '../../components/ConfirmAction';
import { LoadStatus } from '../../components/LoadStatus';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { auditTime } from '../practice/audit-words';

function ClinicianItem({
  c,
  onChanged,
  onRevoked,
}: {
  readonly c: Consent;
  readonly onChanged: (c: Consent) => void;
  readonly onRevoked: () => void;
}) {
  const { busy, error, run } = useAction();
  // The box shows the click at once, while the change is saved; a failure puts it back.
  const [pending, setPending] = useState<boolean>();
  const who = c.clinician.email;

  return (
    <li className="clearance-item">
      <p>
        <strong>{who}</strong> sees your outcomes and adherence{c.shareNotes ? ', and your notes' : ''}, since{' '}
        {auditTime(c.grantedAt)}.
      </p>
      <label>
        <input
          type="checkbox"
          checked={pending ?? c.shareNotes}
          disabled={busy}
          onChange={(e) => {
            const shareNotes = e.target.checked;
            setPending(shareNotes);
            void run(
              async () => onChanged(await practiceApi.setScope(c.id, shareNotes)),
              'Could not change it. Please try again.',
            ).finally(() => setPending(undefined));
          }}
        />
        <span>Share my notes with {who}</span>
      </label>
      {error && <Alert tone="error" title={error} />}
      <ConfirmAction
        open="Revoke…"
        question={`Revoke ${who}'s access?`}
        act={`Revoke ${who}’s access`}
        acting="Revoking…"
        busy={busy}
        onConfirm={() =>
          run(async () => {
            await practiceApi.revoke(c.id);
            onRevoked();
          }, 'Could not revoke. Please try again.')
        }
      >
        Revoke it? {who} sees nothing of yours from now on, at once. What happened stays in your records.
      </ConfirmAction>
    </li>
  );
}

/** The clinicians who follow the member, what each sees, a scope switch and revocation. */
export function Clinicians() {
  const load = useCallback((signal: AbortSignal) => practiceApi.consents(signal), []);
  const { state, reload, update } = useLoad(load);
  const [revoked, setRevoked] = useState<string>();
  return (
    <section className="card" aria-labelledby="clinicians-title">
      <h2 id="clinicians-title">Clinicians who follow you</h2>
      <p>A clinician sees your data only after you accept their invitation, and only while you let them.</p>
      {revoked && <Alert tone="success" title={`${revoked} no longer sees your data.`} />}
      <LoadStatus state={state} retry={reload} what="your clinicians" />
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p>No clinician follows you. Nobody but you sees your data.</p>
        ) : (
          <ul className="clearance-list">
            {state.data.map((c) => (
              <ClinicianItem
                key={c.id}
                c={c}
                onChanged={(n) => update((list) => list.map((x) => (x.id === c.id ? n : x)))}
                onRevoked={() => {
                  setRevoked(c.clinician.email);
                  update((list) => list.filter((x) => x.id !== c.id));
                }}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}
