/**
 * The vocabulary of the break scheduler: what goes in (events), what comes out (effects), and the
 * state it keeps. The behaviour is in scheduler.ts.
 */
import type { BreakSettings, StoredBreakEvent } from '../contract/breaks.js';
import type { LocalDate } from '../time/local-date.js';

export type BreakKind = 'walk' | 'micro';
export type ReminderKind = BreakKind | 'stand' | 'sit';
export type Posture = 'sitting' | 'standing';

/**
 * What the browser reports. Rules for feeding it:
 * - `activity`: input seen (page events, or the Idle Detection API turning 'active'). Send one
 *   when the app opens; throttle to one every ~15 s.
 * - `idle`: no input since `since` (Idle Detection 'idle', or no page input for a minute).
 *   The user stays "present" until `idleThresholdSeconds` have passed since `since`.
 * - `locked`: the screen was locked: away from now (or from the start of the idle spell).
 * - User actions (postpone ... config-changed) are input too: whoever clicked is at the computer.
 * - Ticks carry no presence information: a late tick does not mean "away" by itself. Tick at
 *   least every 30 s while the page runs: a silence longer than `idleThresholdSeconds` plus a
 *   minute (a throttled tab's lateness) means the page did not run (sleep, a frozen tab, a clock
 *   jump either way) and is taken as an absence from the last event, never as work.
 */
export type SchedulerEvent =
  | { readonly type: 'tick'; readonly at: number }
  | { readonly type: 'activity'; readonly at: number }
  | { readonly type: 'idle'; readonly at: number; readonly since: number }
  | { readonly type: 'locked'; readonly at: number }
  | { readonly type: 'postpone'; readonly at: number; readonly minutes: 2 | 5 }
  | { readonly type: 'skip'; readonly at: number }
  | { readonly type: 'take-break-now'; readonly at: number }
  | { readonly type: 'break-done'; readonly at: number }
  | { readonly type: 'pause'; readonly at: number; readonly until: number }
  | { readonly type: 'resume'; readonly at: number }
  | { readonly type: 'posture-changed'; readonly at: number; readonly posture: Posture }
  | { readonly type: 'config-changed'; readonly at: number }
  /**
   * How many walking breaks the user skipped on the local day of `at`, as stored on the server: a
   * state started afresh (another device, a new log-in) must not offer skips already used.
   */
  | { readonly type: 'skips-recorded'; readonly at: number; readonly count: number };

export interface SchedulerConfig extends BreakSettings {
  /** The user's IANA zone: working hours, "tomorrow" and the daily skip allowance use it. */
  readonly timeZone: string;
  /** Texts of sitting rules 1..6 from the program content, shown one at a time in micro breaks. */
  readonly ruleTexts?: readonly string[];
}

export interface MicroRule {
  /** Sitting rule number 1..6 of the method. */
  readonly id: number;
  readonly text: string | null;
}

export type RefusalReason = 'strict' | 'skip-limit' | 'postpone-limit' | 'no-break' | 'on-break' | 'invalid';

export type Effect =
  | { readonly type: 'notify'; readonly kind: ReminderKind; readonly text: string }
  /** Show the in-app break screen with a countdown to `endsAt`; micro breaks list the rules in order. */
  | {
      readonly type: 'show-break';
      readonly kind: BreakKind;
      readonly endsAt: number;
      readonly rules: readonly MicroRule[];
    }
  | { readonly type: 'hide-break' }
  /** Store this (POST it): statistics are computed from these alone. */
  | { readonly type: 'record'; readonly event: StoredBreakEvent }
  /** Step again with a tick at (or after) this time; anything else can only happen on an event. */
  | { readonly type: 'schedule-wake'; readonly at: number }
  /** The event was not allowed; say why (the UI should not have offered it). */
  | { readonly type: 'refused'; readonly event: SchedulerEvent['type']; readonly reason: RefusalReason };

export type Phase =
  | { readonly name: 'working' }
  /** A break was put off; it fires again at `until` (work keeps counting meanwhile). */
  | { readonly name: 'postponed'; readonly kind: BreakKind; readonly until: number }
  | {
      readonly name: 'on-break';
      readonly kind: BreakKind;
      readonly startedAt: number;
      readonly endsAt: number;
      /** Input was seen after the lead-in: the user kept working instead of taking it. */
      readonly workedThrough: boolean;
    }
  | { readonly name: 'paused'; readonly until: number };

export interface Away {
  /** Dated from the last input (or the lock), not from when the absence was noticed. */
  readonly since: number;
  readonly locked: boolean;
  /** Already counted as a natural break (or an absence that must not count, e.g. session start). */
  readonly credited: boolean;
}

/** Plain data (JSON-safe), so the browser can keep it across reloads. */
export interface SchedulerState {
  readonly v: 1;
  /** Time up to which the state has been computed. Events older than this are treated as now. */
  readonly at: number;
  readonly phase: Phase;
  readonly away: Away | null;
  /** Start of the current quiet spell (no input since), or null while input is being seen. */
  readonly idleSince: number | null;
  readonly lastInputAt: number;
  /** No scheduled break or reminder fires before this. */
  readonly graceUntil: number;
  /** Work counters are exact up to this instant; time after it is added when it is committed. */
  readonly committedTo: number;
  /** Work in the current interval (towards the walking break). */
  readonly workMs: number;
  /** Work since the last break of any kind (towards the micro break). */
  readonly microMs: number;
  /** Work in the current posture since it changed or was last reminded (sit/stand rhythm). */
  readonly postureMs: number;
  readonly posture: Posture;
  readonly postponesThisBreak: number;
  /** Walking-break skips on one local date; a new date starts from zero. */
  readonly skips: { readonly date: LocalDate; readonly count: number };
  readonly inHours: boolean;
  /** Micro breaks shown so far: each starts at the next rule, so all six get their turn first. */
  readonly microCount: number;
}

export interface StepResult {
  readonly state: SchedulerState;
  readonly effects: readonly Effect[];
}
