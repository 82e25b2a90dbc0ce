import { Link } from 'wouter';
import { coachSentence } from './CoachStatus';
import { useNow } from '../../lib/use-now';
import { useCoach } from './coach-store';
import { TodaySummary } from './TodaySummary';
import { useBreakStats } from './use-break-stats';
import './sitting.css';
import { LoadStatus } from '../../components/LoadStatus';

/** Today's sitting time and breaks on the Today page. */
export function SittingCard() {
  const coach = useCoach();
  const now = useNow(30_000);
  const { state, reload } = useBreakStats(1, coach.view?.sentVersion ?? 0);
  const next =
    coach.handle && coach.view
      ? coachSentence(
          coach.view,
          coach.handle.engine.status(Math.max(now, coach.view.state.at)),
          coach.handle.timeZone,
        )
      : null;

  return (
    <section className="card sitting-card" aria-labelledby="sitting-card-title">
      <h2 id="sitting-card-title">Sitting and breaks today</h2>
      {next && <p className="coach-now">{next}</p>}
      <LoadStatus state={state} retry={reload} what="today's sitting time" />
      {state.status === 'ready' && <TodaySummary stats={state.data} />}
      <p>
        <Link href="/sitting">Reminder options and weekly charts</Link>
      </p>
    </section>
  );
}
