import { addDays, type LocalDate } from '../time/local-date.js';
import type { InstrumentId } from './instrument.js';

/**
 * When each questionnaire is due: pain NRS and PEG weekly; RMDQ every 14 days; STarT Back once
 * (NICE NG59 stratifies each new episode at first contact); PSS-4 every 14 days. PSS-10 is offered
 * but never scheduled.
 *
 * The first week is spread out so that day one is not a wall of questions: STarT Back on the
 * programme's first day (it steers the pathway), RMDQ on the third, PSS-4 on the fifth. Pain and
 * PEG are due on the first day, which the baseline answers usually cover. After its first time the
 * next date is counted from the last completion, not from the start: a questionnaire done late
 * resets its clock, so the user is never asked twice inside one interval.
 *
 * At most one questionnaire is due on a day. When several fall on the same day (a missed day, two
 * weekly measures), the one due longest goes first, then the one earlier in `PRIORITY`; the others
 * wait for the next free days, and their `dueDate` says which day. Dates are local calendar dates
 * (`YYYY-MM-DD`), so string order is date order.
 */
export type Cadence = { readonly kind: 'once' } | { readonly kind: 'every'; readonly days: number };

export const SCHEDULE: Readonly<Partial<Record<InstrumentId, Cadence>>> = {
  pain_nrs: { kind: 'every', days: 7 },
  peg: { kind: 'every', days: 7 },
  rmdq: { kind: 'every', days: 14 },
  start_back: { kind: 'once' },
  pss4: { kind: 'every', days: 14 },
};

/** Days after the programme's start on which each questionnaire is first due. */
export const FIRST_DUE_AFTER_DAYS: Readonly<Partial<Record<InstrumentId, number>>> = {
  start_back: 0,
  pain_nrs: 0,
  peg: 0,
  rmdq: 2,
  pss4: 4,
};

/** Which of several questionnaires due the same day is asked first. */
export const PRIORITY: readonly InstrumentId[] = ['start_back', 'peg', 'pain_nrs', 'rmdq', 'pss4'];

export interface ScheduleInput {
  /** The program's first day (local date). */
  readonly start: LocalDate;
  /** The day to plan for (local date, passed in: core never reads the clock). */
  readonly today: LocalDate;
  /** Instruments this deployment offers (see `enabledInstruments`). */
  readonly enabled: readonly InstrumentId[];
  /** Local dates of completed responses per instrument, any order. Partial responses don't count. */
  readonly completions: Readonly<Partial<Record<InstrumentId, readonly LocalDate[]>>>;
  /**
   * The day of the baseline answers, if any: they count as a pain and a PEG completion that day,
   * but not as the day's questionnaire.
   */
  readonly baselineOn?: LocalDate | null;
}

export interface ScheduledItem {
  readonly instrumentId: InstrumentId;
  /** The date it is or was due; null when it is never due again (a one-off already done). */
  readonly dueDate: LocalDate | null;
  /** True for the one questionnaire to ask today (see `schedule`). */
  readonly due: boolean;
  readonly reason: 'baseline' | 'repeat' | 'done';
  readonly lastCompleted: LocalDate | null;
}

function latest(dates: readonly LocalDate[]): LocalDate | null {
  if (dates.length === 0) return null;
  return dates.reduce((a, b) => (b > a ? b : a));
}

/** Every scheduled, enabled instrument with its next due date, soonest first. */
export function schedule(input: ScheduleInput): ScheduledItem[] {
  const items: ScheduledItem[] = [];
  for (const instrumentId of input.enabled) {
    const cadence = SCHEDULE[instrumentId];
    if (!cadence) continue;
    const last = latest(completionsOf(input, instrumentId));
    let dueDate: LocalDate | null;
    let reason: ScheduledItem['reason'];
    if (last === null) {
      dueDate = addDays(input.start, FIRST_DUE_AFTER_DAYS[instrumentId] ?? 0);
      reason = 'baseline';
    } else if (cadence.kind === 'once') {
      dueDate = null;
      reason = 'done';
    } else {
      dueDate = addDays(last, cadence.days);
      reason = 'repeat';
    }
    items.push({ instrumentId, dueDate, due: false, reason, lastCompleted: last });
  }
  return oneADay(items, input.today, answeredToday(input)).sort(
    (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || rank(a) - rank(b),
  );
}

const BASELINE_COVERS: readonly InstrumentId[] = ['pain_nrs', 'peg'];

function completionsOf(input: ScheduleInput, id: InstrumentId): readonly LocalDate[] {
  const own = input.completions[id] ?? [];
  return input.baselineOn && BASELINE_COVERS.includes(id) ? [...own, input.baselineOn] : own;
}

const answeredToday = (input: ScheduleInput): boolean =>
  Object.values(input.completions).some((dates) => dates.includes(input.today));

const rank = (item: ScheduledItem): number => {
  const i = PRIORITY.indexOf(item.instrumentId);
  return i === -1 ? PRIORITY.length : i;
};

/**
 * Gives each dated item a day of its own, in order of due date then priority: an item keeps its
 * date when that day is free, else takes the next free one. The first on or before `today` is due
 * today, unless a questionnaire was already answered today. This is the plan a user who answers
 * each day's questionnaire will meet, so the dates shown are the days they will be asked.
 */
function oneADay(items: readonly ScheduledItem[], today: LocalDate, answered: boolean): ScheduledItem[] {
  const dated = items
    .filter((i) => i.dueDate !== null)
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || rank(a) - rank(b));
  const taken = new Set<LocalDate>(answered ? [today] : []);
  const placed = new Map<InstrumentId, ScheduledItem>();
  for (const item of dated) {
    let day = item.dueDate !== null && item.dueDate > today ? item.dueDate : today;
    while (taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    placed.set(item.instrumentId, day === today ? { ...item, due: true } : { ...item, dueDate: day });
  }
  return items.map((i) => placed.get(i.instrumentId) ?? i);
}

/** Just what to ask for on `today`. */
export function dueOn(input: ScheduleInput): ScheduledItem[] {
  return schedule(input).filter((s) => s.due);
}
