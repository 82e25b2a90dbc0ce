/**
 * The break scheduler: a pure state machine. `step(state, event, config)` returns the next state
 * and the effects the browser must carry out. It never reads the clock: every event carries its
 * time in epoch ms, and every duration is computed from timestamps, never by counting ticks, so a
 * throttled background tab that ticks late gets the same answer as one that ticked on time.
 * Which complaint about other break apps each rule answers: docs/decisions/break-scheduler.md.
 */
import type { BreakSettingsInput, StoredBreakEvent } from '../contract/breaks.js';
import { breakSettingsSchema } from '../contract/breaks.js';
import { reminderText, SITTING_RULE_NUMBERS } from './messages.js';
import type {
  BreakKind,
  Effect,
  MicroRule,
  Phase,
  Posture,
  RefusalReason,
  ReminderKind,
  SchedulerConfig,
  SchedulerEvent,
  SchedulerState,
  StepResult,
} from './types.js';
import { isWithinHours, nextHoursEdge } from './working-hours.js';
import { localDate } from '../time/local-date.js';

export type * from './types.js';

/** Parse settings (defaults filled in) and attach the zone; throws on invalid settings. */
export function schedulerConfig(
  settings: BreakSettingsInput,
  timeZone: string,
  ruleTexts?: readonly string[],
): SchedulerConfig {
  return { ...breakSettingsSchema.parse(settings), timeZone, ...(ruleTexts ? { ruleTexts } : {}) };
}

const SEC = 1000;
const MIN = 60 * SEC;
/** Input this soon after a break starts is the user finishing a sentence, not working through it. */
const LEAD_IN_MS: Record<BreakKind, number> = { walk: 30 * SEC, micro: 5 * SEC };
/** Ending a break with this share done counts as taken: the last seconds are just impatience. */
const TAKEN_SHARE = 0.8;
/** Never ask to be woken sooner than this: keeps a background tab from spinning. */
const MIN_WAKE_MS = SEC;
/**
 * How late a running page's events can be on top of the idle threshold: a hidden tab's timers are
 * throttled to about once a minute. A longer silence means the page did not run at all.
 */
const THROTTLE_SLACK_MS = MIN;
/** Longer than any pause "until tomorrow" (a Friday's runs to Monday). */
const REPLAY_MS = 4 * 24 * 60 * MIN;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface Ctx {
  readonly d: Mutable<SchedulerState>;
  readonly fx: Effect[];
  readonly cfg: SchedulerConfig;
}

export function initialState(config: SchedulerConfig, nowMs: number): SchedulerState {
  return {
    v: 1,
    at: nowMs,
    phase: { name: 'working' },
    // Start as "away, nothing to credit": the first input records the user as present, and no
    // work is counted before anyone has touched the computer.
    away: { since: nowMs, locked: false, credited: true },
    idleSince: nowMs,
    lastInputAt: 0,
    graceUntil: nowMs,
    committedTo: nowMs,
    workMs: 0,
    microMs: 0,
    postureMs: 0,
    posture: 'sitting',
    postponesThisBreak: 0,
    skips: { date: localDate(new Date(nowMs), config.timeZone), count: 0 },
    inHours: isWithinHours(nowMs, config.workingHours, config.timeZone),
    microCount: 0,
  };
}

export function step(state: SchedulerState, event: SchedulerEvent, config: SchedulerConfig): StepResult {
  const c: Ctx = { d: { ...state }, fx: [], cfg: config };
  bridgeClockJump(c, event);
  // Events arrive in order from one tab; a slightly stale timestamp is treated as "now", never as
  // a rewind (a clock set back further was bridged above).
  const at = Math.max(event.at, c.d.at);
  switch (event.type) {
    case 'tick':
      advance(c, at);
      break;
    case 'activity':
      advance(c, at);
      noteInput(c, at, false);
      break;
    case 'idle': {
      const since = Math.min(at, Math.max(event.since, c.d.lastInputAt));
      advance(c, since);
      // The report says there was input at `since`; anything newer we saw already wins.
      if (since > c.d.lastInputAt) noteInput(c, since, false);
      if (!c.d.away) c.d.idleSince = since;
      advance(c, at);
      break;
    }
    case 'locked':
      advance(c, at);
      if (c.d.away) c.d.away = { ...c.d.away, locked: true };
      else goAway(c, c.d.idleSince ?? at, true);
      break;
    case 'postpone':
      advance(c, at);
      noteInput(c, at, true);
      postpone(c, at, event.minutes);
      break;
    case 'skip':
      advance(c, at);
      noteInput(c, at, true);
      skip(c, at);
      break;
    case 'take-break-now':
      advance(c, at);
      noteInput(c, at, true);
      takeBreakNow(c, at);
      break;
    case 'break-done':
      advance(c, at);
      noteInput(c, at, true);
      breakDone(c, at);
      break;
    case 'pause':
      advance(c, at);
      noteInput(c, at, true);
      pause(c, at, event.until);
      break;
    case 'resume':
      advance(c, at);
      noteInput(c, at, true);
      if (c.d.phase.name === 'paused') resume(c, at, false);
      break;
    case 'posture-changed':
      advance(c, at);
      noteInput(c, at, true);
      changePosture(c, at, event.posture);
      break;
    case 'config-changed':
      advance(c, at);
      noteInput(c, at, true);
      applyConfig(c, at);
      break;
    case 'skips-recorded': {
      advance(c, at);
      const today = localDate(new Date(at), config.timeZone);
      const used = c.d.skips.date === today ? c.d.skips.count : 0;
      c.d.skips = { date: today, count: Math.max(used, event.count) };
      break;
    }
  }
  evaluate(c, at);
  const wake = nextWake(c, at);
  if (wake !== null) c.fx.push({ type: 'schedule-wake', at: wake });
  c.d.at = at;
  return { state: c.d, effects: c.fx };
}

// ---------- the passage of time ----------

/**
 * Apply, in time order, everything that happens by itself up to `t`: a pause running out, a break
 * ending, working hours starting or ending, a quiet spell turning into an absence, an absence
 * becoming long enough to be a natural break. Nothing here fires a break: breaks fire only at the
 * event's own time (in `evaluate`), so a late tick fires at most one.
 */
function advance(c: Ctx, t: number): void {
  let settled = false;
  for (let guard = 0; guard < 1000 && !settled; guard++) {
    const d = c.d;
    const due: { at: number; run: () => void }[] = [];
    const ph = d.phase;
    if (ph.name === 'paused') due.push({ at: ph.until, run: () => resume(c, ph.until, true) });
    if (ph.name === 'on-break') {
      due.push({ at: ph.endsAt, run: () => endBreak(c, ph.endsAt, ph.workedThrough ? 'ignored' : 'taken') });
    }
    const edge = nextHoursEdge(d.at, c.cfg.workingHours, c.cfg.timeZone);
    if (edge !== null) due.push({ at: edge, run: () => hoursEdge(c, edge) });
    const idleSince = d.idleSince;
    if (!d.away && idleSince !== null) {
      due.push({ at: idleSince + c.cfg.idleThresholdSeconds * SEC, run: () => goAway(c, idleSince, false) });
    }
    const naturalAt = naturalBreakAt(c);
    if (naturalAt !== null) due.push({ at: naturalAt, run: () => creditNaturalBreak(c, naturalAt) });

    let next: (typeof due)[number] | undefined;
    for (const x of due) if (x.at <= t && (!next || x.at < next.at)) next = x;
    if (next) {
      d.at = Math.max(d.at, next.at);
      next.run();
    } else settled = true;
  }
  c.d.at = Math.max(c.d.at, t);
  // Only after years without an event: settle the flag without replaying every edge.
  if (!settled) c.d.inHours = isWithinHours(c.d.at, c.cfg.workingHours, c.cfg.timeZone);
}

/** When the current absence becomes a natural break, if it can. */
function naturalBreakAt(c: Ctx): number | null {
  const { away, workMs } = c.d;
  // Nothing to credit with no work in the interval (e.g. staying away after a break just ended).
  if (!away || away.credited || workMs <= 0 || !accrues(c)) return null;
  return away.since + c.cfg.breakMinutes * MIN;
}

/**
 * A silence longer than the idle threshold (plus throttling) means the page did not run: the
 * machine slept, the tab was frozen, or the wall clock jumped (a browser clock can read 1970 for
 * a moment). Nothing was seen of the user in it, so it is what a quiet spell that long already
 * is: an absence, dated from the last sign of the user, never decades of work. A clock set back
 * that far moves the whole state onto the new clock (what was left of a break, a pause or the
 * grace period is kept) and the user is away from there until the next input.
 */
function bridgeClockJump(c: Ctx, event: SchedulerEvent): void {
  const d = c.d;
  const bound = c.cfg.idleThresholdSeconds * SEC + THROTTLE_SLACK_MS;
  if (event.at - d.at > bound) {
    // An idle report says when input stopped, which may be before the silence began.
    const quietSince = event.type === 'idle' ? Math.min(d.at, Math.max(event.since, d.lastInputAt)) : d.at;
    if (!d.away) goAway(c, Math.min(d.idleSince ?? d.at, quietSince), false);
    // Whatever was running out (a break, a postponement, a pause until tomorrow, working-hours
    // edges) is replayed over the silence's first days; beyond that only the hours flag matters.
    advance(c, Math.min(event.at, d.at + REPLAY_MS));
    d.at = event.at;
    d.inHours = isWithinHours(d.at, c.cfg.workingHours, c.cfg.timeZone);
  } else if (d.at - event.at > bound) {
    shiftTimeline(c, event.at - d.at);
    if (!d.away) goAway(c, d.at, false);
  }
}

function shiftTimeline(c: Ctx, delta: number): void {
  const d = c.d;
  const by = (x: number) => x + delta;
  const ph = d.phase;
  switch (ph.name) {
    case 'working':
      break;
    case 'on-break':
      d.phase = { ...ph, startedAt: by(ph.startedAt), endsAt: by(ph.endsAt) };
      break;
    case 'postponed':
    case 'paused':
      d.phase = { ...ph, until: by(ph.until) };
      break;
  }
  if (d.away) d.away = { ...d.away, since: by(d.away.since) };
  if (d.idleSince !== null) d.idleSince = by(d.idleSince);
  d.at = by(d.at);
  d.lastInputAt = by(d.lastInputAt);
  d.graceUntil = by(d.graceUntil);
  d.committedTo = by(d.committedTo);
  d.inHours = isWithinHours(d.at, c.cfg.workingHours, c.cfg.timeZone);
}

// ---------- presence ----------

function noteInput(c: Ctx, x: number, fromAction: boolean): void {
  const d = c.d;
  if (d.away) returnFromAway(c, Math.max(x, d.away.since));
  else commitTo(c, x);
  d.idleSince = null;
  d.lastInputAt = Math.max(d.lastInputAt, x);
  const ph = d.phase;
  // Clicks on the break screen itself (postpone, skip, done) are not "working through it".
  if (!fromAction && ph.name === 'on-break' && !ph.workedThrough && x >= ph.startedAt + LEAD_IN_MS[ph.kind]) {
    d.phase = { ...ph, workedThrough: true };
  }
}

function goAway(c: Ctx, since: number, locked: boolean): void {
  const d = c.d;
  commitTo(c, since); // present (if reading) up to the last input
  d.away = { since, locked, credited: false };
  d.idleSince = since;
  // Any noticed absence means the user got up: the posture reset and the sit/stand clock restart.
  d.microMs = 0;
  d.postureMs = 0;
  record(c, { type: 'away', at: since, locked });
}

function returnFromAway(c: Ctx, x: number): void {
  const d = c.d;
  if (naturalBreakAt(c) !== null && x - (d.away?.since ?? x) >= c.cfg.breakMinutes * MIN)
    creditNaturalBreak(c, x);
  record(c, { type: 'present', at: x });
  d.away = null;
  d.idleSince = null;
  d.graceUntil = x + c.cfg.graceMinutes * MIN;
  d.committedTo = Math.max(d.committedTo, x);
}

function creditNaturalBreak(c: Ctx, creditedAt: number): void {
  const d = c.d;
  if (!d.away) return;
  record(c, { type: 'natural-break', at: d.away.since, creditedAt });
  d.away = { ...d.away, credited: true };
  resetCounters(c, creditedAt);
  if (d.phase.name === 'postponed') d.phase = { name: 'working' };
}

// ---------- work accounting ----------

/** Work accrues only while working (or with a break postponed), present, and in working hours. */
function accrues(c: Ctx): boolean {
  const n = c.d.phase.name;
  return n === 'working' || n === 'postponed';
}

function pendingMs(c: Ctx, t: number): number {
  // Every working-hours edge is applied (and restarts the counters) before time past it is
  // counted, so between edges "in hours" is all or nothing.
  if (!accrues(c) || c.d.away || !c.d.inHours) return 0;
  return Math.max(0, t - c.d.committedTo);
}

function commitTo(c: Ctx, x: number): void {
  const d = c.d;
  if (x <= d.committedTo) return;
  const ms = pendingMs(c, x);
  d.workMs += ms;
  d.microMs += ms;
  d.postureMs += ms;
  d.committedTo = x;
}

function resetCounters(c: Ctx, at: number): void {
  const d = c.d;
  d.workMs = 0;
  d.microMs = 0;
  d.postureMs = 0;
  d.postponesThisBreak = 0;
  d.committedTo = Math.max(d.committedTo, at);
}

// ---------- scheduled transitions ----------

function endBreak(c: Ctx, at: number, outcome: 'taken' | 'ended-early' | 'ignored'): void {
  const d = c.d;
  const ph = d.phase;
  if (ph.name !== 'on-break') return;
  c.fx.push({ type: 'hide-break' });
  record(c, { type: 'break-ended', at, kind: ph.kind, startedAt: ph.startedAt, outcome });
  d.phase = { name: 'working' };
  // Even an ignored break restarts the count: nagging again at once is what makes people quit.
  if (ph.kind === 'walk') resetCounters(c, at);
  else {
    d.microMs = 0;
    d.postponesThisBreak = 0;
    d.committedTo = Math.max(d.committedTo, at);
  }
}

function resume(c: Ctx, at: number, auto: boolean): void {
  c.d.phase = { name: 'working' };
  // One fresh interval: whatever fell due while paused is not owed.
  resetCounters(c, at);
  record(c, { type: 'resumed', at, auto });
}

function hoursEdge(c: Ctx, at: number): void {
  const d = c.d;
  const inside = isWithinHours(at, c.cfg.workingHours, c.cfg.timeZone);
  if (inside === d.inHours) return;
  d.inHours = inside;
  // Leaving or entering working hours starts a fresh interval: the evening is not owed a break.
  resetCounters(c, at);
  if (inside) {
    record(c, { type: 'hours-start', at });
  } else {
    if (d.phase.name === 'postponed') d.phase = { name: 'working' };
    record(c, { type: 'hours-end', at });
  }
}

// ---------- firing ----------

function evaluate(c: Ctx, t: number): void {
  const d = c.d;
  const ph = d.phase;
  if (ph.name === 'paused' || ph.name === 'on-break' || d.away || !d.inHours || t < d.graceUntil) return;
  const pending = pendingMs(c, t);
  const work = d.workMs + pending;
  const walkDue = work >= c.cfg.workMinutes * MIN;
  if (ph.name === 'postponed' && ph.kind === 'walk') {
    // The walk is minutes away: no micro break or posture nudge in between.
    if (t >= ph.until) fire(c, 'walk', t, 'postponed');
    return;
  }
  if (walkDue) {
    fire(c, 'walk', t, 'scheduled');
    return;
  }
  if (c.cfg.micro.enabled) {
    if (ph.name === 'postponed') {
      if (t >= ph.until) return fire(c, 'micro', t, 'postponed');
    } else if (d.microMs + pending >= c.cfg.micro.everyMinutes * MIN) {
      return fire(c, 'micro', t, 'scheduled');
    }
  }
  if (c.cfg.sitStand.enabled && d.postureMs + pending >= postureLimitMs(c)) {
    commitTo(c, t);
    d.postureMs = 0;
    const kind = d.posture === 'sitting' ? 'stand' : 'sit';
    c.fx.push({ type: 'notify', kind, text: text(c, kind) });
    record(c, { type: 'posture-due', at: t, kind });
  }
}

function postureLimitMs(c: Ctx): number {
  const s = c.cfg.sitStand;
  return (c.d.posture === 'sitting' ? s.sitMinutes : s.standMinutes) * MIN;
}

function fire(c: Ctx, kind: BreakKind, t: number, cause: 'scheduled' | 'postponed' | 'manual'): void {
  const d = c.d;
  commitTo(c, t);
  const endsAt = t + (kind === 'walk' ? c.cfg.breakMinutes * MIN : c.cfg.micro.seconds * SEC);
  let rules: MicroRule[] = [];
  if (kind === 'micro') {
    const n = SITTING_RULE_NUMBERS.length;
    rules = SITTING_RULE_NUMBERS.map((_, i) => {
      const id = ((d.microCount + i) % n) + 1;
      return { id, text: c.cfg.ruleTexts?.[id - 1] ?? null };
    });
    d.microCount += 1;
  }
  if (cause === 'manual') d.postponesThisBreak = 0;
  d.phase = { name: 'on-break', kind, startedAt: t, endsAt, workedThrough: false };
  c.fx.push({ type: 'notify', kind, text: text(c, kind) });
  c.fx.push({ type: 'show-break', kind, endsAt, rules });
  record(c, { type: 'break-started', at: t, kind, endsAt, cause });
}

// ---------- user actions ----------

function postpone(c: Ctx, at: number, minutes: number): void {
  const d = c.d;
  const ph = d.phase;
  if (minutes !== 2 && minutes !== 5) return refuse(c, 'postpone', 'invalid');
  if (ph.name !== 'on-break') return refuse(c, 'postpone', 'no-break');
  if (c.cfg.strict) return refuse(c, 'postpone', 'strict');
  if (d.postponesThisBreak >= c.cfg.postponesPerBreak) return refuse(c, 'postpone', 'postpone-limit');
  c.fx.push({ type: 'hide-break' });
  record(c, { type: 'break-postponed', at, kind: ph.kind, minutes });
  d.phase = { name: 'postponed', kind: ph.kind, until: at + minutes * MIN };
  d.postponesThisBreak += 1;
  d.committedTo = Math.max(d.committedTo, at);
}

function skip(c: Ctx, at: number): void {
  const d = c.d;
  const ph = d.phase;
  if (ph.name !== 'on-break' && ph.name !== 'postponed') return refuse(c, 'skip', 'no-break');
  if (c.cfg.strict) return refuse(c, 'skip', 'strict');
  const today = localDate(new Date(at), c.cfg.timeZone);
  const used = d.skips.date === today ? d.skips.count : 0;
  if (ph.kind === 'walk' && used >= c.cfg.skipsPerDay) return refuse(c, 'skip', 'skip-limit');
  if (ph.name === 'on-break') c.fx.push({ type: 'hide-break' });
  record(c, { type: 'break-skipped', at, kind: ph.kind, reason: 'user' });
  d.phase = { name: 'working' };
  if (ph.kind === 'walk') {
    d.skips = { date: today, count: used + 1 };
    // A skip is a skip, not a snooze: the next walk is a whole interval away (Stretchly #509).
    resetCounters(c, at);
  } else {
    d.microMs = 0;
    d.postponesThisBreak = 0;
    d.committedTo = Math.max(d.committedTo, at);
  }
}

function takeBreakNow(c: Ctx, at: number): void {
  const ph = c.d.phase;
  if (ph.name === 'on-break') {
    if (ph.kind === 'walk') return refuse(c, 'take-break-now', 'on-break');
    endBreak(c, at, 'taken'); // a walk covers the posture reset
  }
  if (c.d.phase.name === 'paused') resume(c, at, false);
  // Allowed outside working hours and during grace: the user asked for it (BreakTimer #383).
  fire(c, 'walk', at, 'manual');
}

function breakDone(c: Ctx, at: number): void {
  const ph = c.d.phase;
  // A late or repeated "done" after the scheduler already ended the break is not an error.
  if (ph.name !== 'on-break') return;
  if (at < ph.endsAt && c.cfg.strict) return refuse(c, 'break-done', 'strict');
  const share = (at - ph.startedAt) / (ph.endsAt - ph.startedAt);
  endBreak(c, at, ph.workedThrough ? 'ignored' : share >= TAKEN_SHARE ? 'taken' : 'ended-early');
}

function pause(c: Ctx, at: number, until: number): void {
  const d = c.d;
  const ph = d.phase;
  if (!(until > at)) return refuse(c, 'pause', 'invalid');
  if (ph.name === 'on-break' || ph.name === 'postponed') {
    // Strict mode allows pausing ahead of a meeting, not pausing out of a break on screen.
    if (c.cfg.strict && ph.name === 'on-break') return refuse(c, 'pause', 'strict');
    if (ph.name === 'on-break') c.fx.push({ type: 'hide-break' });
    record(c, { type: 'break-skipped', at, kind: ph.kind, reason: 'pause' });
  }
  d.phase = { name: 'paused', until };
  d.postponesThisBreak = 0;
  record(c, { type: 'paused', at, until });
}

function changePosture(c: Ctx, at: number, posture: Posture): void {
  const d = c.d;
  if (posture === d.posture) return;
  commitTo(c, at);
  d.posture = posture;
  d.postureMs = 0;
  record(c, { type: 'posture', at, posture });
}

function applyConfig(c: Ctx, at: number): void {
  const d = c.d;
  hoursEdge(c, at);
  const ph = d.phase;
  if (c.cfg.micro.enabled) return;
  if (ph.name === 'on-break' && ph.kind === 'micro') endBreak(c, at, 'ended-early');
  else if (ph.name === 'postponed' && ph.kind === 'micro') d.phase = { name: 'working' };
}

// ---------- output ----------

function nextWake(c: Ctx, t: number): number | null {
  const d = c.d;
  const ph = d.phase;
  const times: number[] = [];
  const firing = (x: number) => times.push(Math.max(x, d.graceUntil));
  if (ph.name === 'paused') times.push(ph.until);
  if (ph.name === 'on-break') times.push(ph.endsAt);
  if (!d.away && d.idleSince !== null) times.push(d.idleSince + c.cfg.idleThresholdSeconds * SEC);
  const natural = naturalBreakAt(c);
  if (natural !== null) times.push(natural);
  const edge = nextHoursEdge(t, c.cfg.workingHours, c.cfg.timeZone);
  if (edge !== null) times.push(edge);
  if (accrues(c) && !d.away && d.inHours) {
    const pending = pendingMs(c, t);
    // Assumes the user stays; any input or hours edge before then gets its own step anyway.
    if (ph.name === 'postponed') firing(ph.until);
    if (!(ph.name === 'postponed' && ph.kind === 'walk')) {
      firing(t + c.cfg.workMinutes * MIN - (d.workMs + pending));
      if (c.cfg.micro.enabled && ph.name !== 'postponed')
        firing(t + c.cfg.micro.everyMinutes * MIN - (d.microMs + pending));
      if (c.cfg.sitStand.enabled) firing(t + postureLimitMs(c) - (d.postureMs + pending));
    }
  }
  if (times.length === 0) return null;
  return Math.max(Math.min(...times), t + MIN_WAKE_MS);
}

function record(c: Ctx, event: StoredBreakEvent): void {
  c.fx.push({ type: 'record', event });
}

function refuse(c: Ctx, event: SchedulerEvent['type'], reason: RefusalReason): void {
  c.fx.push({ type: 'refused', event, reason });
}

function text(c: Ctx, kind: ReminderKind): string {
  return reminderText(kind, { breakMinutes: c.cfg.breakMinutes, microSeconds: c.cfg.micro.seconds });
}

// ---------- read-only views for the UI ----------

export interface SchedulerStatus {
  readonly phase: Phase['name'];
  readonly away: boolean;
  readonly inHours: boolean;
  /** Work time left before the walking break, assuming the user stays (null when not counting). */
  readonly walkInMs: number | null;
  readonly skipsLeftToday: number;
  readonly postponesLeft: number;
  readonly canSkip: boolean;
  readonly canPostpone: boolean;
}

/** What the Today screen shows; computes as of `at` without changing the state. */
export function schedulerStatus(state: SchedulerState, config: SchedulerConfig, at: number): SchedulerStatus {
  const { state: s } = step(state, { type: 'tick', at }, config);
  const c: Ctx = { d: { ...s }, fx: [], cfg: config };
  const counting = accrues(c) && !s.away && s.inHours;
  const today = localDate(new Date(Math.max(at, s.at)), config.timeZone);
  const used = s.skips.date === today ? s.skips.count : 0;
  return {
    phase: s.phase.name,
    away: s.away !== null,
    inHours: s.inHours,
    walkInMs: counting ? Math.max(0, config.workMinutes * MIN - s.workMs - pendingMs(c, s.at)) : null,
    skipsLeftToday: Math.max(0, config.skipsPerDay - used),
    postponesLeft: Math.max(0, config.postponesPerBreak - s.postponesThisBreak),
    canSkip:
      (s.phase.name === 'on-break' || s.phase.name === 'postponed') &&
      !config.strict &&
      (s.phase.kind === 'micro' || used < config.skipsPerDay),
    canPostpone:
      s.phase.name === 'on-break' && !config.strict && s.postponesThisBreak < config.postponesPerBreak,
  };
}
