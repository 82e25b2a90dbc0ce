import { todaySchema, type Checkin, type Today } from '@hipwise/core';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { formatLongDate } from '../../lib/dates';
import { useMe } from '../auth/session';
import { outbox } from '../../offline/sync';
import { ShownAsOf, useLoadWithLastSeen } from '../../offline/use-last-seen';
import { usePageTitle } from '../../lib/use-page-title';
import { ClearanceStatus } from '../screening/ClearanceStatus';
import { OutcomePanel } from '../screening/OutcomePanel';
import { CheckinForm } from './CheckinForm';
import { HistorySection } from './HistorySection';
import { PlanCard } from '../program/PlanCard';
import { SittingCard } from '../sitting/SittingCard';
import { DueCard } from '../progress/DueCard';
import { LoadStatus } from '../../components/LoadStatus';
import { ProgrammeChangesCard } from '../clinician/ProgrammeChangesCard';

function withCheckin(today: Today, checkin: Checkin): Today {
  const history = [...today.history.filter((c) => c.date !== checkin.date), checkin].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  return { ...today, checkin, history };
}

export function TodayPage() {
  usePageTitle('Today');
  const { user } = useMe();
  const load = useCallback((signal: AbortSignal) => api.today(signal), []);
  const { state, asOf, reload, update } = useLoadWithLastSeen(user.id, 'today', todaySchema, load);
  // Writes kept on this device show here once they are saved.
  useEffect(() => outbox.onSent(reload), [reload]);
  const [planVersion, setPlanVersion] = useState(0);

  if (state.status !== 'ready') {
    return (
      <>
        <h1>Today</h1>
        <LoadStatus state={state} retry={reload} what="today" loading="Loading your day…" />
      </>
    );
  }

  const today = state.data;
  const { screening } = today;
  return (
    <>
      <h1>
        Today <span className="subtitle">{formatLongDate(today.date)}</span>
      </h1>
      <ShownAsOf asOf={asOf} timeZone={user.timeZone} />
      {/* The outcome stays at the top of Today until a new screening is clear: it is never hidden,
          not even once a clinician's clearance has opened the programme. */}
      {screening && screening.outcome !== 'clear' && (
        <OutcomePanel screening={screening} headingLevel={2}>
          <ClearanceStatus
            screening={screening}
            today={today.date}
            onChange={() => setPlanVersion((n) => n + 1)}
          />
        </OutcomePanel>
      )}
      <ProgrammeChangesCard />
      <PlanCard checkinDate={today.checkin?.date ?? null} refreshKey={planVersion} />
      <DueCard />
      <div className="page-grid">
        <CheckinForm existing={today.checkin} onSaved={(c) => update((t) => withCheckin(t, c))} />
        <HistorySection history={today.history} today={today.date} />
      </div>
      <SittingCard />
    </>
  );
}
