import {
  addDays,
  localDate,
  mondayOf,
  painRising,
  planBlock,
  progressionState,
  type CaseloadFlag,
  type CaseloadMember,
  type Clearance,
  type ExerciseSessionRecord,
  type LocalDate,
  type Point,
  type ProgrammeChange,
  type Screening,
} from '@hipwise/core';
import type { ScoreRow } from '../repositories/caseload.js';
import { directivesOf } from '../repositories/programme-changes.js';
import { firstAndLast, painChange } from './progress-service.js';

/**
 * A member's caseload line in two steps: `caseloadState` is everything that stays true as the days
 * go by until the member's data changes (it is what the caseload cache keeps), and `caseloadLine`
 * adds what depends on today (this week's counts, the pain window, the idle days).
 */

/**
 * The shape of CaseloadState and the way it is computed (sessions replayed in the order they were
 * done); a stored state of another version is computed again.
 */
export const CASELOAD_STATE_VERSION = 2;

const INACTIVE_DAYS = 7;

type Measure = CaseloadMember['peg'];

export interface CaseloadState {
  /** The member's date it was computed on; it holds from then on, up to `until` when set. */
  readonly computedOn: LocalDate;
  /**
   * The last date it holds, when a session or a lift is dated after `computedOn` (the safety pause
   * reads only what is dated up to today); null: it holds on every later date.
   */
  readonly until: LocalDate | null;
  /** Milliseconds since 1970 of the newest check-in, session, breathing practice or questionnaire. */
  readonly lastActivityMs: number | null;
  readonly painWeekAverage: number | null;
  /** The programme's first day: the baseline's date, else the account's. */
  readonly startDate: LocalDate;
  readonly level: CaseloadMember['level'];
  readonly block: 'screening_not_clear' | 'safety_pause' | null;
  /**
   * Sessions (date, stopped for pain) and check-ins dated from the Monday of the week before
   * `computedOn`'s week: every later date's "this week", "last week", pain window and stop for
   * pain starts on or after it.
   */
  readonly recentSessions: readonly (readonly [LocalDate, boolean])[];
  readonly recentCheckins: readonly { readonly date: LocalDate; readonly pain: number }[];
  readonly peg: Measure;
  readonly rmdq: Measure;
  readonly startBack: CaseloadMember['startBack'];
}

/** What a member's state is computed from: their rows, as the caseload's set-based reads give them. */
export interface CaseloadSources {
  timeZone: string;
  createdAt: Date;
  baseline: { painWeekAverage: number; pegScore: number; createdAt: Date } | null;
  stayOnChair: boolean;
  lastActivity: Date | null;
  sessions: readonly ExerciseSessionRecord[];
  /** Check-ins from `recentFrom(today)` on, at least. */
  checkins: readonly { date: LocalDate; pain: number }[];
  scores: readonly ScoreRow[];
  screenings: readonly Screening[];
  clearances: readonly Clearance[];
  changes: readonly ProgrammeChange[];
}

/** The first date a state computed on `today` keeps sessions and check-ins from. */
export const recentFrom = (today: LocalDate): LocalDate => addDays(mondayOf(today), -7);

export function caseloadState(src: CaseloadSources, now: Date): CaseloadState {
  const zone = src.timeZone;
  const today = localDate(now, zone);
  const day = (d: Date) => localDate(d, zone);
  const latest = src.screenings.at(-1);
  const clearScreeningDates = src.screenings
    .filter((s) => s.outcome === 'clear')
    .map((s) => day(new Date(s.createdAt)));
  const block = planBlock({
    today,
    startDate: today,
    latestScreening: latest
      ? { outcome: latest.outcome, date: day(new Date(latest.createdAt)), answers: latest.answers }
      : null,
    clearScreeningDates,
    clearances: src.clearances.map((c) => ({ clearedOn: c.clearedOn, coveredFlags: c.coveredFlags })),
    recentCheckins: [],
    baselineWeekAverage: null,
    lessonsRead: [],
    exerciseHistory: src.sessions,
    exercisePrefs: { stayOnChair: src.stayOnChair },
    latestCheckinDate: null,
    walkingBreaks: { taken: 0, goal: 0 },
  });
  const datedAhead = [
    ...src.sessions.map((s) => s.date),
    ...clearScreeningDates,
    ...src.clearances.map((c) => c.clearedOn),
  ].some((d) => d > today);
  const progression = progressionState(
    src.sessions,
    { stayOnChair: src.stayOnChair },
    directivesOf(src.changes, zone),
  );

  // The same comparisons, thresholds and "too early" rules as the member's Progress page.
  const startDate = day(src.baseline?.createdAt ?? src.createdAt);
  const series = (id: ScoreRow['instrument']): Point[] =>
    src.scores.filter((s) => s.instrument === id).map((s) => ({ date: s.date, value: s.total }));
  const peg = series('peg');
  if (src.baseline) peg.unshift({ date: startDate, value: src.baseline.pegScore });
  const measure = (points: Point[], what: 'peg' | 'rmdq', words: string): Measure => {
    const last = points.at(-1);
    return last
      ? { latest: last.value, date: last.date, change: firstAndLast(what, points, startDate, words) }
      : null;
  };
  const sb = src.scores.filter((s) => s.instrument === 'start_back' && s.risk !== null).at(-1);
  const from = recentFrom(today);

  return {
    computedOn: today,
    until: datedAhead ? today : null,
    lastActivityMs: src.lastActivity?.getTime() ?? null,
    painWeekAverage: src.baseline?.painWeekAverage ?? null,
    startDate,
    level: {
      variant: progression.variant,
      level: progression.level.level,
      sets: progression.level.sets,
      holdSeconds: progression.level.holdSeconds,
      heldAt: progression.heldAt,
    },
    block:
      block?.code === 'screening_missing' || block?.code === 'screening_not_clear'
        ? 'screening_not_clear'
        : block?.code === 'safety_pause'
          ? 'safety_pause'
          : null,
    recentSessions: src.sessions
      .filter((s) => s.date >= from)
      .map((s) => [s.date, s.stoppedEarly === 'pain']),
    recentCheckins: src.checkins.filter((c) => c.date >= from).map((c) => ({ date: c.date, pain: c.pain })),
    peg: measure(peg, 'peg', 'PEG score'),
    rmdq: measure(series('rmdq'), 'rmdq', 'Roland-Morris score'),
    startBack: sb?.risk ? { risk: sb.risk, date: sb.date } : null,
  };
}

/**
 * The stored state when it still describes the member on `today`: written by this version of the
 * code (so of the shape it expects), computed on or before `today`, and not past its `until`.
 */
export function heldState(stored: unknown, version: number | null, today: LocalDate): CaseloadState | null {
  if (stored === null || version !== CASELOAD_STATE_VERSION) return null;
  const state = stored as CaseloadState;
  return state.computedOn <= today && (state.until === null || today <= state.until) ? state : null;
}

const FLAG_ORDER: readonly CaseloadFlag[] = [
  'screening_not_clear',
  'safety_pause',
  'stopped_for_pain',
  'pain_rising',
  'no_activity_7_days',
];

export type CaseloadRow = CaseloadMember & { lastActivityMs: number };

/** The dates a line is counted by, the same for everyone in one time zone at one instant. */
export interface CaseloadDays {
  readonly now: Date;
  readonly today: LocalDate;
  readonly weekStart: LocalDate;
  readonly lastWeekStart: LocalDate;
  readonly lastWeekEnd: LocalDate;
  /** The first of the last 7 days, today included. */
  readonly weekAgo: LocalDate;
}

export function caseloadDays(now: Date, timeZone: string): CaseloadDays {
  const today = localDate(now, timeZone);
  const weekStart = mondayOf(today);
  return {
    now,
    today,
    weekStart,
    lastWeekStart: addDays(weekStart, -7),
    lastWeekEnd: addDays(weekStart, -1),
    weekAgo: addDays(today, -(INACTIVE_DAYS - 1)),
  };
}

/** One member's line on the clinician's caseload on `days`, from a state that holds then. */
export function caseloadLine(
  m: { id: string; email: string; createdAt: Date; consentedAt: string },
  s: CaseloadState,
  days: CaseloadDays,
): CaseloadRow {
  const { today, weekStart } = days;
  const sessionsBetween = (from: LocalDate, to: LocalDate) =>
    s.recentSessions.filter(([date]) => date >= from && date <= to).length;
  const idleSinceMs = s.lastActivityMs ?? m.createdAt.getTime();

  const flags = new Set<CaseloadFlag>();
  if (s.block) flags.add(s.block);
  if (painRising(s.recentCheckins, s.painWeekAverage, today)) flags.add('pain_rising');
  if (days.now.getTime() - idleSinceMs >= INACTIVE_DAYS * 86_400_000) flags.add('no_activity_7_days');
  if (s.recentSessions.some(([date, stoppedForPain]) => stoppedForPain && date >= days.weekAgo)) {
    flags.add('stopped_for_pain');
  }

  return {
    memberId: m.id,
    email: m.email,
    consentedAt: m.consentedAt,
    lastActivity: s.lastActivityMs === null ? null : new Date(s.lastActivityMs).toISOString(),
    lastActivityMs: s.lastActivityMs ?? 0,
    sessionsThisWeek: sessionsBetween(weekStart, today),
    sessionsLastWeek: sessionsBetween(days.lastWeekStart, days.lastWeekEnd),
    checkinsThisWeek: s.recentCheckins.filter((c) => c.date >= weekStart && c.date <= today).length,
    level: s.level,
    pain:
      s.painWeekAverage === null
        ? null
        : painChange({ date: s.startDate, value: s.painWeekAverage }, s.recentCheckins, s.startDate, today),
    peg: s.peg,
    rmdq: s.rmdq,
    startBack: s.startBack,
    flags: FLAG_ORDER.filter((f) => flags.has(f)),
  };
}
