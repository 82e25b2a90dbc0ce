import { useCallback } from 'react';
import { Link } from 'wouter';
import { clinicianApi } from '../../api';
import { ProgrammeChangeList } from '../../components/ProgrammeChangeList';
import { LoadStatus } from '../../components/LoadStatus';
import { useLoad } from '../../lib/use-load';

/** How many changes Today shows; Settings lists all of them. */
const ON_TODAY = 3;

/**
 * The changes clinicians made to my programme: the latest few on Today (nothing at all when there
 * are none), every one in Settings.
 */
export function ProgrammeChangesCard({ all = false }: { readonly all?: boolean }) {
  const load = useCallback((signal: AbortSignal) => clinicianApi.myChanges(signal), []);
  const { state, reload } = useLoad(load);
  if (state.status !== 'ready') {
    return all ? <LoadStatus state={state} retry={reload} what="your clinicians’ changes" /> : null;
  }
  const changes = state.data;
  if (!all && changes.length === 0) return null;
  return (
    <section className="card" aria-labelledby="programme-changes-title" data-testid="programme-changes">
      <h2 id="programme-changes-title">{all ? 'Changes by your clinicians' : 'From your clinician'}</h2>
      {changes.length === 0 ? (
        <p className="empty">No clinician has changed your programme.</p>
      ) : (
        <ProgrammeChangeList changes={all ? changes : changes.slice(0, ON_TODAY)} />
      )}
      {!all && changes.length > ON_TODAY && (
        <p>
          <Link href="/settings">See all {changes.length} changes in Settings</Link>
        </p>
      )}
    </section>
  );
}
