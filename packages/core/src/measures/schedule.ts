import { addDays, type LocalDate } from '../time/local-date.js';
import type { InstrumentId } from './instrument.js';

/**
 * When each questionnaire is due: pain NRS and PEG weekly; RMDQ at baseline and every
 * 14 days; STarT Back once, at baseline (NICE NG59 stratifies each new episode at first contact);
 * PSS-4 every 14 days. PSS-10 is offered but never scheduled.
 *
 * "Baseline" is the day the user starts the program: everything scheduled is due then. After that
 * the next date is counted from the last completion, not from the start: a questionnaire done late
 * resets its clock, so the user is never asked twice inside one interval. Dates are local calendar
 * dates (`YYYY-MM-DD`), so string order is date order.
 */
export type Cadence = { readonly kind: 'once' } | { readonly kind: 'every'; readonly days: number };

export const SCHEDULE: Readonly<Partial<Record<InstrumentId, Cadence>>> = {
  pain_nrs: { kind: 'every', days: 7 },
  peg: { kind: 'every', days: 7 },
  rmdq: { kind: 'every', days: 14 },
  start_back: { kind: 'once' },
  pss4: { kind: 'every', days: 14 },
};

export interface ScheduleInput {
  /** The program's first day (local date). */
  readonly start: LocalDate;
  /** The day to plan for (local date, passed in: core never reads the clock). */
  readonly today: LocalDate;
  /** Instruments this deployment offers (see `enabledInstruments`). */
  readonly enabled: readonly InstrumentId[];
  /** Local dates of completed responses per instrument, any order. Partial responses don't count. */
  readonly completions: Readonly<Partial<Record<InstrumentId, readonly LocalDate[]>>>;
}

export interface ScheduledItem {
  readonly instrumentId: InstrumentId;
  /** The date it is or was due; null when it is never due again (a one-off already done). */
  readonly dueDate: LocalDate | null;
  /** True when dueDate is on or before today. */
  readonly due: boolean;
  readonly reason: 'baseline' | 'repeat' | 'done';
  readonly lastCompleted: LocalDate | null;
}

function latest(dates: readonly LocalDate[] | undefined): LocalDate | null {
  if (!dates || dates.length === 0) return null;
  return dates.reduce((a, b) => (b > a ? b : a));
}

/** Every scheduled, enabled instrument with its next due date, soonest first. */
export function schedule(input: ScheduleInput): ScheduledItem[] {
  const items: ScheduledItem[] = [];
  for (const instrumentId of input.enabled) {
    const cadence = SCHEDULE[instrumentId];
    if (!cadence) continue;
    const last = latest(input.completions[instrumentId]);
    let dueDate: LocalDate | null;
    let reason: ScheduledItem['reason'];
    if (last === null) {
      dueDate = input.start;
      reason = 'baseline';
    } else if (cadence.kind === 'once') {
      dueDate = null;
      reason = 'done';
    } else {
      dueDate = addDays(last, cadence.days);
      reason = 'repeat';
    }
    items.push({
      instrumentId,
      dueDate,
      due: dueDate !== null && dueDate <= input.today,
      reason,
      lastCompleted: last,
    });
  }
  return items.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}

/** Just what to ask for on `today`. */
export function dueOn(input: ScheduleInput): ScheduledItem[] {
  return schedule(input).filter((s) => s.due);
}
