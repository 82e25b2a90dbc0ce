import type { BreakStatsResponse } from '@hipwise/core';
import { formatDuration } from '../../lib/time-format';

/** Today's numbers as a definition list: the same on the Today card and the Sitting page. */
export function TodaySummary({ stats }: { readonly stats: BreakStatsResponse }) {
  const day = stats.days.find((d) => d.date === stats.today);
  if (!day || (day.activeMs === 0 && day.walk.taken + day.walk.skipped + day.walk.postponed === 0)) {
    return (
      <p className="empty">
        Nothing recorded today yet. Time at the computer with hipwise open is counted here.
      </p>
    );
  }
  const { taken, goal } = stats.walkingBreaksToday;
  return (
    <dl className="sitting-today" data-testid="sitting-today">
      <div>
        <dt>Sitting today (estimate)</dt>
        <dd>{formatDuration(day.sittingMs)}</dd>
      </div>
      <div>
        <dt>Walking breaks taken</dt>
        <dd>
          {taken}
          {goal > 0 && <span className="hint"> of {goal}</span>}
        </dd>
      </div>
      <div>
        <dt>Skipped</dt>
        <dd>{day.walk.skipped}</dd>
      </div>
      <div>
        <dt>Postponed</dt>
        <dd>{day.walk.postponed}</dd>
      </div>
      <div>
        <dt>Longest unbroken sitting</dt>
        <dd>{formatDuration(day.longestSittingMs)}</dd>
      </div>
    </dl>
  );
}
