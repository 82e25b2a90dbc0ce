import type { SchedulerStatus } from '@hipwise/core';
import type { CoachView } from './coach-engine';
import { formatDayClock, formatIn } from '../../lib/time-format';

/** One sentence on what the coach is doing now. */
export function coachSentence(view: CoachView, status: SchedulerStatus, timeZone: string): string {
  const ph = view.state.phase;
  if (ph.name === 'paused') return `Reminders are paused until ${formatDayClock(ph.until, timeZone)}.`;
  if (ph.name === 'on-break')
    return ph.kind === 'walk' ? 'You are on a walking break.' : 'Posture reset in progress.';
  if (!status.inHours) return 'Outside your working hours: no reminders now.';
  if (status.away) return 'You seem to be away. The work timer starts again when you are back.';
  if (ph.name === 'postponed')
    return `${ph.kind === 'walk' ? 'Walking break' : 'Posture reset'} postponed: it comes back ${formatIn(ph.until - view.state.at)}.`;
  if (status.walkInMs !== null) return `Next walking break ${formatIn(status.walkInMs)}.`;
  return 'The coach is running.';
}
