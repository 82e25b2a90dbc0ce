import { METHOD_WORDS, schedulerConfig, type BreakSettings } from '@hipwise/core';
import { useCallback } from 'react';
import { Link } from 'wouter';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { RULE_TEXTS } from './BreakCoach';
import { BreakSettingsForm } from './BreakSettingsForm';
import { CoachPanel } from './CoachPanel';
import { coachStore, useCoach } from './coach-store';
import { PermissionsPanel } from './PermissionsPanel';
import { sittingApi } from '../../api';
import { SittingStats } from './SittingStats';
import { TodaySummary } from './TodaySummary';
import { useBreakStats } from './use-break-stats';
import { LoadStatus } from '../../components/LoadStatus';

const WEEKS = 8;

function SettingsSection() {
  const coach = useCoach();
  const load = useCallback((signal: AbortSignal) => sittingApi.settings(signal), []);
  const { state, reload } = useLoad(load);
  const applied = (settings: BreakSettings) => {
    const handle = coach.handle;
    // Switching reminders on or off starts or stops the coach; other changes apply in place.
    if (!settings.enabled || coach.status === 'disabled') coachStore.restart();
    else if (handle) handle.engine.setConfig(schedulerConfig(settings, handle.timeZone, RULE_TEXTS));
  };
  return (
    <section className="card">
      <LoadStatus state={state} retry={reload} what="your break settings" />
      {state.status === 'ready' && <BreakSettingsForm initial={state.data.settings} onSaved={applied} />}
    </section>
  );
}

export function SittingPage() {
  usePageTitle('Sitting and breaks');
  const coach = useCoach();
  const { state, reload } = useBreakStats(WEEKS, coach.view?.sentVersion ?? 0);
  return (
    <>
      <h1>Sitting and breaks</h1>
      <p className="lead">{METHOD_WORDS.sittingPage}</p>
      <p>
        <Link href="~/camera/posture">Check how you sit with the camera</Link>: optional, and the pictures
        never leave your computer.
      </p>
      <CoachPanel />
      <section className="card" aria-labelledby="sitting-stats-title">
        <h2 id="sitting-stats-title">Your sitting</h2>
        <LoadStatus state={state} retry={reload} what="your sitting time" />
        {state.status === 'ready' && (
          <>
            <h3>Today</h3>
            <TodaySummary stats={state.data} />
            <h3>Over the weeks</h3>
            <SittingStats stats={state.data} />
          </>
        )}
      </section>
      <PermissionsPanel />
      <SettingsSection />
    </>
  );
}
