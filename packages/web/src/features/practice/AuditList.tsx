import type { AuditPage } from '@hipwise/core';
import { useCallback } from 'react';
import { Alert } from '../../components/Alert';
import { LoadStatus } from '../../components/LoadStatus';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { auditTime, auditWords } from './audit-words';

interface AuditListProps {
  /** A page of the trail: the newest without `before`, older ones after it. */
  readonly load: (before?: string, signal?: AbortSignal) => Promise<AuditPage>;
  /** Whether to say whose data each line concerns (the admin's instance log). */
  readonly showMember?: boolean;
  readonly empty: string;
  readonly what: string;
}

/** An audit trail, newest first: who, what, when and from where, with older lines on request. */
export function AuditList({ load, showMember = false, empty, what }: AuditListProps) {
  const first = useCallback((signal: AbortSignal) => load(undefined, signal), [load]);
  const { state, reload, update } = useLoad(first);
  const more = useAction();

  async function older(next: string) {
    await more.run(async () => {
      const page = await load(next);
      update((p) => ({ entries: [...p.entries, ...page.entries], next: page.next }));
    }, 'Could not load older lines. Please try again.');
  }

  return (
    <>
      <LoadStatus state={state} retry={reload} what={what} />
      {state.status === 'ready' &&
        (state.data.entries.length === 0 ? (
          <p>{empty}</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="audit-table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    {showMember && <th scope="col">About</th>}
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.entries.map((line) => (
                    <tr key={line.id}>
                      <td>
                        <time dateTime={line.at}>{auditTime(line.at)}</time>
                      </td>
                      <td>
                        {line.actor.email} <span className="muted">({line.actor.role})</span>
                      </td>
                      <td>{auditWords(line)}</td>
                      {showMember && <td>{line.memberEmail ?? '—'}</td>}
                      <td>{line.clientAddress ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {more.error && <Alert tone="error" title={more.error} />}
            {state.data.next !== null && (
              <button type="button" disabled={more.busy} onClick={() => void older(state.data.next!)}>
                {more.busy ? 'Loading…' : 'Show older'}
              </button>
            )}
          </>
        ))}
    </>
  );
}
