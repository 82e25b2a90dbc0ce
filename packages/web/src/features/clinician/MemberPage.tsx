import type { ClinicianMemberResponse } from '@hipwise/core';
import { useCallback } from 'react';
import { Link } from 'wouter';
import { clinicianApi } from '../../api';
import { LoadStatus } from '../../components/LoadStatus';
import { ProgrammeChangeList } from '../../components/ProgrammeChangeList';
import { formatShortDate } from '../../lib/dates';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { SessionHistory } from '../program/ProgramPage';
import { ChangeList } from '../progress/ChangeList';
import { ProgressCharts } from '../progress/ProgressCharts';
import { ChangeForm } from './ChangeForm';
import { levelWords } from './words';

function Notes({ notes }: { readonly notes: ClinicianMemberResponse['notes'] }) {
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">Check-in notes</h2>
      {notes === null ? (
        <p className="empty">This member has not chosen to share their notes.</p>
      ) : notes.length === 0 ? (
        <p className="empty">No notes yet.</p>
      ) : (
        <ul>
          {[...notes].reverse().map((n) => (
            <li key={n.date}>
              <strong>{formatShortDate(n.date)}</strong>: {n.note}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /clinician/members/:id: what the member sees on Progress and Programme, read-only, and my changes. */
export function MemberPage({ id }: { readonly id: string }) {
  usePageTitle('Member');
  const load = useCallback((signal: AbortSignal) => clinicianApi.member(id, signal), [id]);
  const { state, reload, update } = useLoad(load);
  // After a change, read the page again without leaving it, so the form's "Saved" stays in view.
  const refresh = useCallback(() => {
    clinicianApi.member(id).then((fresh) => update(() => fresh), reload);
  }, [id, update, reload]);
  if (state.status !== 'ready') {
    return (
      <>
        <h1>Member</h1>
        <p>
          <Link href="/">Back to the caseload</Link>
        </p>
        <LoadStatus state={state} retry={reload} what="this member" />
      </>
    );
  }
  const d = state.data;
  // Optional questionnaires are charted once answered; an empty one says nothing about the member.
  const offered = new Set<never>();
  return (
    <>
      <h1>{d.member.email}</h1>
      <p>
        <Link href="/">Back to the caseload</Link>
      </p>
      <p className="lead">
        Sharing with you since {formatShortDate(d.member.consentedAt.slice(0, 10))}; notes{' '}
        {d.member.shareNotes ? 'shared' : 'not shared'}. Programme since{' '}
        {formatShortDate(d.progress.startDate)}.
      </p>
      <section className="card" aria-labelledby="plan-title">
        <h2 id="plan-title">Programme now</h2>
        <p data-testid="member-level">Boat pose: {levelWords(d.level)}.</p>
        <p>
          Floor version:{' '}
          {d.floorSetting === null
            ? 'as their own progress decides'
            : d.floorSetting === 'allowed'
              ? 'allowed by a clinician'
              : 'withheld by a clinician'}
          . Extra daily breathing practice: {d.extraStressPractice ? 'on' : 'off'}.
        </p>
        <p>
          <a className="button" href={clinicianApi.exportUrl(d.member.id)} download>
            Download FHIR bundle for the clinic’s records
          </a>
        </p>
      </section>
      <ChangeForm memberId={d.member.id} onSaved={refresh} />
      <section className="card" aria-labelledby="member-changes-title">
        <h2 id="member-changes-title">Changes made so far</h2>
        {d.changes.length === 0 ? (
          <p className="empty">No changes yet.</p>
        ) : (
          <ProgrammeChangeList changes={d.changes} />
        )}
      </section>
      <p className="hint">Below is what the member sees on their own Progress and Programme pages.</p>
      <div className="stack">
        <ChangeList changes={d.progress.changes} />
        <section aria-labelledby="charts-title">
          <h2 id="charts-title">Over time</h2>
          <ProgressCharts progress={d.progress} offered={offered} />
        </section>
        <SessionHistory sessions={d.sessions} title="Sessions" empty="No sessions yet." />
        <Notes notes={d.notes} />
      </div>
    </>
  );
}
