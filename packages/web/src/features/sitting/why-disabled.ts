import type { RefusalReason, SchedulerConfig, SchedulerStatus } from '@hipwise/core';

/** Why a break-screen choice is not offered, in words; null when it is. */

export function skipBlockedWhy(status: SchedulerStatus, config: SchedulerConfig): string | null {
  if (status.canSkip) return null;
  if (config.strict) return 'Strict mode is on, so breaks cannot be skipped (change it on the Sitting page).';
  if (status.skipsLeftToday === 0)
    return `You have used today's ${config.skipsPerDay} ${config.skipsPerDay === 1 ? 'skip' : 'skips'}.`;
  return null;
}

export function postponeBlockedWhy(status: SchedulerStatus, config: SchedulerConfig): string | null {
  if (status.canPostpone) return null;
  if (config.strict) return 'Strict mode is on, so breaks cannot be postponed.';
  if (status.postponesLeft === 0)
    return config.postponesPerBreak === 0
      ? 'Postponing is turned off in your settings.'
      : `This break has been postponed ${config.postponesPerBreak} ${config.postponesPerBreak === 1 ? 'time' : 'times'} already.`;
  return null;
}

export function doneBlockedWhy(config: SchedulerConfig, remainingMs: number): string | null {
  return config.strict && remainingMs > 0
    ? 'Strict mode is on: the break ends by itself when the time is up.'
    : null;
}

export function refusalText(reason: RefusalReason): string {
  switch (reason) {
    case 'strict':
      return 'Strict mode does not allow that.';
    case 'skip-limit':
      return 'No skips are left for today.';
    case 'postpone-limit':
      return 'This break cannot be postponed again.';
    case 'no-break':
      return 'There is no break to change right now.';
    case 'on-break':
      return 'You are on a walking break already.';
    case 'invalid':
      return 'That choice is not valid.';
  }
}
