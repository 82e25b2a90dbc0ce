import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BreakSettingsInput, StoredBreakEvent } from '../contract/breaks.js';
import {
  initialState,
  schedulerConfig,
  schedulerStatus,
  step,
  type Effect,
  type SchedulerConfig,
  type SchedulerEvent,
  type SchedulerState,
} from './scheduler.js';

const MIN = 60_000;
const utc = (iso: string) => Date.parse(iso);
/** Monday 2026-03-30 09:00 in Berlin (CEST). */
const MON_9 = utc('2026-03-30T07:00:00Z');

type Timed = { readonly at: number; readonly effect: Effect };

/** A simulated day: times are minutes from `t0`; every effect is logged with its event's time. */
class Sim {
  state: SchedulerState;
  readonly log: Timed[] = [];
  constructor(
    readonly cfg: SchedulerConfig,
    readonly t0: number,
  ) {
    this.state = initialState(cfg, t0);
  }
  t(min: number): number {
    return this.t0 + Math.round(min * MIN);
  }
  min(at: number): number {
    return (at - this.t0) / MIN;
  }
  send(e: SchedulerEvent): Effect[] {
    const r = step(this.state, e, this.cfg);
    this.state = r.state;
    for (const effect of r.effects) this.log.push({ at: e.at, effect });
    return [...r.effects];
  }
  activity(min: number) {
    return this.send({ type: 'activity', at: this.t(min) });
  }
  tick(min: number) {
    return this.send({ type: 'tick', at: this.t(min) });
  }
  idle(min: number, sinceMin: number) {
    return this.send({ type: 'idle', at: this.t(min), since: this.t(sinceMin) });
  }
  /**
   * A well-behaved user at the keyboard from `from` to `to`: input every `every` minutes, except
   * that during a break on screen they are off walking (the browser only ticks).
   */
  work(from: number, to: number, every = 1) {
    for (let m = from; m < to - 1e-9; m += every) {
      if (this.state.phase.name === 'on-break') this.tick(m);
      else this.activity(m);
    }
  }
  /** The browser's regular ticks while the page runs (and nobody touches it). */
  ticks(from: number, to: number, every = 0.5) {
    for (let m = from; m < to - 1e-9; m += every) this.tick(m);
  }
  /** Minutes at which a break screen was shown, with its kind. */
  shows(): [number, string][] {
    return this.log.flatMap(({ at, effect }) =>
      effect.type === 'show-break' ? [[this.min(at), effect.kind] as [number, string]] : [],
    );
  }
  records<T extends StoredBreakEvent['type']>(type: T): Extract<StoredBreakEvent, { type: T }>[] {
    return this.log.flatMap(({ effect }) =>
      effect.type === 'record' && effect.event.type === type
        ? [effect.event as Extract<StoredBreakEvent, { type: T }>]
        : [],
    );
  }
  refusals(): string[] {
    return this.log.flatMap(({ effect }) =>
      effect.type === 'refused' ? [`${effect.event}:${effect.reason}`] : [],
    );
  }
}

function sim(
  settings: BreakSettingsInput = {},
  t0 = MON_9,
  zone = 'Europe/Berlin',
  ruleTexts?: readonly string[],
): Sim {
  return new Sim(schedulerConfig(settings, zone, ruleTexts), t0);
}

test('a steady workday: a walk every 30 min of work, 3 min each, taken', () => {
  const s = sim();
  s.work(0, 70);
  assert.deepEqual(s.shows(), [
    [30, 'walk'],
    [63, 'walk'],
  ]);
  const ended = s.records('break-ended');
  assert.deepEqual(
    ended.map((e) => [s.min(e.at), e.outcome]),
    [
      [33, 'taken'],
      [66, 'taken'],
    ],
  );
  assert.equal(s.records('present').length, 1, 'the first input marks the user present');
});

test('natural break: away longer than the break resets the work timer (not just pauses it)', () => {
  const s = sim();
  s.work(0, 21);
  s.idle(21, 20); // Idle Detection: no input since minute 20
  for (const m of [22, 24, 26]) s.tick(m);
  s.work(26, 60);
  // Away 20 -> 26 is 6 min >= 3: the interval restarts at 26, so the walk is due at 56, not 36.
  assert.deepEqual(s.shows(), [[56, 'walk']]);
  assert.deepEqual(
    s.records('away').map((e) => s.min(e.at)),
    [20],
    'the absence is dated from the last input, not from when it was noticed',
  );
  const natural = s.records('natural-break');
  assert.equal(natural.length, 1);
  assert.equal(s.min(natural[0]?.at ?? 0), 20);
  assert.equal(s.min(natural[0]?.creditedAt ?? 0), 23); // noticed at 20 + 3 (threshold), long enough at once
  assert.deepEqual(
    s.records('present').map((e) => s.min(e.at)),
    [0, 26],
  );
});

test('a short absence does not reset, is not counted as work, and no break fires in the grace period', () => {
  // Break 5 min, idle threshold 60 s: a 2.5-min absence is noticed but is not a natural break.
  const s = sim({ breakMinutes: 5, idleThresholdSeconds: 60, graceMinutes: 2 });
  s.work(0, 29.5, 0.5); // last input at 29.0: 29 min of work
  s.idle(30, 29);
  s.tick(31);
  s.work(31.5, 40, 0.5);
  // 1 min of work left at 31.5 would make it 32.5, but the grace period holds it to 33.5.
  assert.deepEqual(s.shows(), [[33.5, 'walk']]);
  assert.equal(s.records('natural-break').length, 0);
  assert.deepEqual(
    s.records('away').map((e) => s.min(e.at)),
    [29],
  );
});

test('a quiet spell that turns into an absence is not counted as work', () => {
  // Last input at 20; absence noticed at 23 (3-min threshold); back at 24. Away 4 min < 5: no
  // natural break, but only the 20 min before the quiet spell count, so the walk is at 24 + 10.
  const s = sim({ breakMinutes: 5 });
  s.work(0, 20.5, 0.5);
  s.idle(21, 20);
  s.tick(23.5);
  s.work(24, 40, 0.5);
  assert.deepEqual(s.shows(), [[34, 'walk']]);
  assert.deepEqual(
    s.records('away').map((e) => s.min(e.at)),
    [20],
  );
  assert.equal(s.records('natural-break').length, 0);
});

test('reading looks idle: quiet spells under the threshold still count as work', () => {
  // Each 3-min cycle: input for 1 min, then 2 min reading with no input at all.
  const reading = (threshold: number) => {
    const s = sim({ idleThresholdSeconds: threshold });
    for (let c = 0; c < 10; c++) {
      const base = c * 3;
      s.activity(base);
      s.activity(base + 0.5);
      s.activity(base + 1);
      s.idle(base + 2, base + 1);
    }
    s.activity(30);
    return s;
  };
  const patient = reading(180);
  assert.deepEqual(
    patient.shows(),
    [[30, 'walk']],
    'with a 3-min threshold the reader works 30 min in 30 min',
  );
  assert.equal(patient.records('away').length, 0);
  const twitchy = reading(60);
  assert.deepEqual(
    twitchy.shows(),
    [],
    'with a 60 s threshold each reading spell is an absence, so no walk yet',
  );
  assert.equal(twitchy.records('away').length, 10);
});

test('postpone 5, postpone 2, third postpone refused, then skip: next walk a full interval later', () => {
  const s = sim();
  s.work(0, 30.5);
  s.send({ type: 'postpone', at: s.t(30.5), minutes: 5 });
  s.work(31, 36, 0.5);
  s.send({ type: 'postpone', at: s.t(36), minutes: 2 });
  s.work(36.5, 38.5, 0.5);
  s.send({ type: 'postpone', at: s.t(38.5), minutes: 2 });
  s.send({ type: 'skip', at: s.t(38.75) });
  s.work(39, 75, 0.25);
  assert.deepEqual(s.shows(), [
    [30, 'walk'],
    [35.5, 'walk'],
    [38, 'walk'],
    [68.75, 'walk'],
  ]);
  assert.deepEqual(s.refusals(), ['postpone:postpone-limit']);
  assert.deepEqual(
    s.records('break-postponed').map((e) => e.minutes),
    [5, 2],
  );
  assert.deepEqual(
    s.records('break-started').map((e) => e.cause),
    ['scheduled', 'postponed', 'postponed', 'scheduled'],
  );
  assert.equal(s.records('break-skipped').length, 1);
});

test('skip limit per local day in the user zone', () => {
  const s = sim({ skipsPerDay: 2 });
  s.activity(0);
  const skipOne = (min: number) => {
    s.send({ type: 'take-break-now', at: s.t(min) });
    return s.send({ type: 'skip', at: s.t(min + 0.1) });
  };
  skipOne(1);
  skipOne(2);
  const third = skipOne(3);
  assert.deepEqual(
    third.filter((e) => e.type === 'refused'),
    [{ type: 'refused', event: 'skip', reason: 'skip-limit' }],
  );
  assert.equal(s.state.phase.name, 'on-break', 'a refused skip leaves the break on screen');
  assert.equal(schedulerStatus(s.state, s.cfg, s.t(3.2)).canSkip, false);
  // 2026-03-30T22:05Z is already 00:05 on the 31st in Berlin: a new day, a new allowance.
  const midnight = utc('2026-03-30T22:05:00Z');
  s.send({ type: 'activity', at: midnight });
  s.send({ type: 'take-break-now', at: midnight + MIN });
  const next = s.send({ type: 'skip', at: midnight + 2 * MIN });
  assert.equal(
    next.some((e) => e.type === 'refused'),
    false,
  );
  assert.equal(s.records('break-skipped').length, 3);
});

test('micro breaks do not use up the walking-break skip allowance', () => {
  const s = sim({ skipsPerDay: 0, micro: { enabled: true } });
  s.work(0, 10.5, 0.5);
  assert.deepEqual(s.shows(), [[10, 'micro']]);
  s.send({ type: 'skip', at: s.t(10.1) });
  assert.deepEqual(s.refusals(), []);
});

test('strict mode: no postpone, skip, early end or pausing out of a break; pausing ahead is fine', () => {
  const s = sim({ strict: true });
  s.work(0, 30.5);
  for (const e of [
    { type: 'postpone', at: s.t(30.2), minutes: 5 },
    { type: 'skip', at: s.t(30.3) },
    { type: 'break-done', at: s.t(30.4) },
    { type: 'pause', at: s.t(30.5), until: s.t(90) },
  ] as const) {
    s.send(e);
  }
  assert.deepEqual(s.refusals(), ['postpone:strict', 'skip:strict', 'break-done:strict', 'pause:strict']);
  s.tick(33);
  assert.deepEqual(
    s.records('break-ended').map((e) => [s.min(e.at), e.outcome]),
    [[33, 'taken']],
  );
  s.activity(40);
  s.send({ type: 'pause', at: s.t(41), until: s.t(101) }); // a meeting coming up
  assert.equal(s.state.phase.name, 'paused');
  assert.equal(s.refusals().length, 4);
});

test('pause then resume: nothing fires while paused, and no backlog afterwards', () => {
  // Auto-resume at the end of a 2-h pause.
  const a = sim();
  a.work(0, 25);
  a.send({ type: 'pause', at: a.t(25), until: a.t(145) });
  for (let m = 30; m <= 140; m += 10) a.activity(m); // working through a long meeting
  a.work(145, 180);
  assert.deepEqual(a.shows(), [[175, 'walk']], 'one fresh interval from the end of the pause');
  assert.deepEqual(
    a.records('resumed').map((e) => [a.min(e.at), e.auto]),
    [[145, true]],
  );
  // Manual resume.
  const b = sim();
  b.work(0, 25);
  b.send({ type: 'pause', at: b.t(25), until: b.t(85) });
  b.send({ type: 'resume', at: b.t(40) });
  b.work(40, 75);
  assert.deepEqual(b.shows(), [[70, 'walk']]);
});

test('a postponed break does not fire during a pause (sane-break #166)', () => {
  const s = sim();
  s.work(0, 30.5);
  s.send({ type: 'postpone', at: s.t(30.5), minutes: 2 });
  s.send({ type: 'pause', at: s.t(31), until: s.t(91) });
  for (let m = 32; m <= 90; m += 2) s.activity(m);
  assert.deepEqual(s.shows(), [[30, 'walk']]);
  assert.deepEqual(
    s.records('break-skipped').map((e) => e.reason),
    ['pause'],
  );
});

test('working hours: nothing fires and nothing counts outside them; the next day starts fresh', () => {
  const hours = { days: [1, 2, 3, 4, 5], ranges: [{ from: '09:00', to: '17:00' }] };
  const s = sim({ workingHours: hours }, utc('2026-03-30T14:40:00Z')); // Mon 16:40 CEST
  s.work(0, 40); // until 17:20
  assert.deepEqual(s.shows(), [], 'the walk would be due at 17:10, after hours');
  assert.deepEqual(
    s.records('hours-end').map((e) => new Date(e.at).toISOString()),
    ['2026-03-30T15:00:00.000Z'],
  );
  // Tuesday: at the desk from 08:50; work counts from 09:00, so the walk comes at 09:30.
  const tue = utc('2026-03-31T06:50:00Z');
  for (let m = 0; m < 45; m++) {
    const at = tue + m * MIN;
    if (s.state.phase.name === 'on-break') s.send({ type: 'tick', at });
    else s.send({ type: 'activity', at });
  }
  const walks = s.log.filter((x) => x.effect.type === 'show-break').map((x) => new Date(x.at).toISOString());
  assert.deepEqual(walks, ['2026-03-31T07:30:00.000Z']);
  assert.deepEqual(
    s.records('hours-start').map((e) => new Date(e.at).toISOString()),
    ['2026-03-31T07:00:00.000Z'],
  );
});

test('a late tick replays hours-end and a break ending in time order, then fires nothing', () => {
  const hours = { days: [1, 2, 3, 4, 5], ranges: [{ from: '09:00', to: '17:00' }] };
  const s = sim({ workingHours: hours }, utc('2026-03-30T14:28:00Z')); // Mon 16:28 CEST
  s.work(0, 30.5); // walk at 16:58, on screen until 17:01
  s.tick(72); // 17:40: the machine slept, an absence; what was running out is replayed in order
  assert.deepEqual(s.shows(), [[30, 'walk']]);
  assert.deepEqual(
    s.records('hours-end').map((e) => s.min(e.at)),
    [32],
  );
  assert.deepEqual(
    s.records('break-ended').map((e) => [s.min(e.at), e.outcome]),
    [[33, 'taken']],
  );
  assert.equal(s.state.inHours, false);
});

test('take a break now works outside working hours, and early "done" is told apart from a full break', () => {
  const hours = { days: [1, 2, 3, 4, 5], ranges: [{ from: '09:00', to: '17:00' }] };
  const s = sim({ workingHours: hours }, utc('2026-03-28T10:00:00Z')); // Saturday
  s.activity(0);
  s.send({ type: 'take-break-now', at: s.t(1) });
  s.send({ type: 'break-done', at: s.t(1.5) }); // 30 s of 3 min
  s.send({ type: 'take-break-now', at: s.t(2) });
  s.send({ type: 'break-done', at: s.t(4.5) }); // 2.5 of 3 min: over 80 %
  assert.deepEqual(
    s.records('break-ended').map((e) => e.outcome),
    ['ended-early', 'taken'],
  );
  assert.deepEqual(
    s.records('break-started').map((e) => e.cause),
    ['manual', 'manual'],
  );
});

test('DST day, Berlin 2026-03-29: working hours 01:00-05:00 are 3 real hours; walks every 33 min', () => {
  const night = { days: [7], ranges: [{ from: '01:00', to: '05:00' }] };
  const t0 = utc('2026-03-28T23:50:00Z'); // Sun 00:50 CET
  const s = sim({ workingHours: night }, t0);
  s.work(0, 4 * 60); // until 03:50Z
  const walks = s.log
    .filter((x) => x.effect.type === 'show-break')
    .map((x) => new Date(x.at).toISOString().slice(11, 16));
  // Hours start 00:00Z (01:00 CET) and end 03:00Z (05:00 CEST): a 04:00Z end would add 03:15.
  assert.deepEqual(walks, ['00:30', '01:03', '01:36', '02:09', '02:42']);
  assert.deepEqual(
    s.records('hours-end').map((e) => new Date(e.at).toISOString()),
    ['2026-03-29T03:00:00.000Z'],
  );
});

test('DST day, New York 2026-11-01: 01:00-05:00 is 5 real hours; the repeated hour is worked once per real minute', () => {
  const night = { days: [7], ranges: [{ from: '01:00', to: '05:00' }] };
  const t0 = utc('2026-11-01T04:50:00Z'); // 00:50 EDT
  const s = sim({ workingHours: night }, t0, 'America/New_York');
  s.work(0, 6 * 60);
  const walks = s.log
    .filter((x) => x.effect.type === 'show-break')
    .map((x) => new Date(x.at).toISOString().slice(11, 16));
  assert.deepEqual(walks, ['05:30', '06:03', '06:36', '07:09', '07:42', '08:15', '08:48', '09:21', '09:54']);
  assert.deepEqual(
    s.records('hours-start').map((e) => new Date(e.at).toISOString()),
    ['2026-11-01T05:00:00.000Z'],
  );
  assert.deepEqual(
    s.records('hours-end').map((e) => new Date(e.at).toISOString()),
    ['2026-11-01T10:00:00.000Z'],
  );
});

test('pause until tomorrow over the New York fall-back night resumes at 06:00 EST', () => {
  const t0 = utc('2026-11-01T01:50:00Z'); // Sat 21:50 EDT
  const s = sim({}, t0, 'America/New_York');
  s.activity(0);
  s.send({ type: 'pause', at: s.t(10), until: utc('2026-11-01T11:00:00Z') });
  s.send({ type: 'tick', at: utc('2026-11-01T12:00:00Z') });
  assert.deepEqual(
    s.records('resumed').map((e) => [new Date(e.at).toISOString(), e.auto]),
    [['2026-11-01T11:00:00.000Z', true]],
  );
});

test('throttled tab: a late tick fires once if the user was active all along', () => {
  const s = sim({ workMinutes: 5, breakMinutes: 1, idleThresholdSeconds: 1800 });
  s.activity(0);
  s.tick(30); // a tick 30 min late spans 6 intervals; Idle Detection never reported idle
  assert.deepEqual(s.shows(), [[30, 'walk']]);
  assert.equal(s.records('break-started').length, 1);
  assert.equal(s.records('natural-break').length, 0);
});

test('throttled tab: a late tick after the user left counts as a natural break, and fires nothing', () => {
  const table: [string, (s: Sim) => void][] = [
    [
      'idle reported before the tab slept',
      (s) => {
        s.idle(11, 10);
        s.tick(200);
      },
    ],
    ['idle delivered late, with the gap', (s) => s.idle(200, 10)],
    [
      'screen locked',
      (s) => {
        s.send({ type: 'locked', at: s.t(10) });
        s.tick(200);
      },
    ],
  ];
  for (const [name, away] of table) {
    const s = sim();
    s.work(0, 10.5, 0.5);
    away(s);
    assert.deepEqual(s.shows(), [], name);
    assert.deepEqual(
      s.records('natural-break').map((e) => s.min(e.at)),
      [10],
      name,
    );
    s.work(200, 235);
    assert.deepEqual(s.shows(), [[230, 'walk']], `${name}: a full interval after coming back`);
  }
});

test('sit/stand alternation: reminders by posture, re-reminded after a full period if ignored', () => {
  const s = sim({ workMinutes: 120, sitStand: { enabled: true, sitMinutes: 30, standMinutes: 20 } });
  s.work(0, 31);
  s.send({ type: 'posture-changed', at: s.t(31), posture: 'standing' });
  s.work(31.5, 52);
  s.send({ type: 'posture-changed', at: s.t(52), posture: 'sitting' });
  s.work(52.5, 115); // never stands again
  const nudges = s.log.flatMap(({ at, effect }) =>
    effect.type === 'notify' ? [[s.min(at), effect.kind]] : [],
  );
  assert.deepEqual(nudges, [
    [30, 'stand'],
    [51.5, 'sit'],
    [82.5, 'stand'],
    [112.5, 'stand'],
  ]);
  assert.deepEqual(
    s.records('posture').map((e) => e.posture),
    ['standing', 'sitting'],
  );
});

test('micro breaks every 10 min show the rules in turn; the walk takes precedence at 30', () => {
  const texts = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
  const s = sim({ micro: { enabled: true } }, MON_9, 'Europe/Berlin', texts);
  s.work(0, 45, 1 / 6);
  const shows = s.shows().map(([m, k]) => [Math.round(m * 60), k]);
  // In seconds: micro at 10:00 and 20:20 (the 20 s breaks are not work); the walk at 30:40
  // resets both counters, so the next micro is 10 min after the walk ends (33:40 + 10:00).
  assert.deepEqual(shows, [
    [600, 'micro'],
    [1220, 'micro'],
    [1840, 'walk'],
    [2620, 'micro'],
  ]);
  const micro = s.log.flatMap(({ effect }) =>
    effect.type === 'show-break' && effect.kind === 'micro' ? [effect.rules] : [],
  );
  assert.deepEqual(
    micro.map((r) => r.map((x) => x.id)),
    [
      [1, 2, 3, 4, 5, 6],
      [2, 3, 4, 5, 6, 1],
      [3, 4, 5, 6, 1, 2],
    ],
  );
  assert.equal(micro[1]?.[0]?.text, 'r2');
});

test('working through a break screen is recorded as ignored and does not nag', () => {
  const s = sim();
  s.activity(0);
  for (let m = 1; m <= 70; m++) s.activity(m); // types through everything
  const ended = s.records('break-ended');
  assert.deepEqual(
    ended.map((e) => [s.min(e.at), e.outcome]),
    [
      [33, 'ignored'],
      [66, 'ignored'],
    ],
  );
  assert.deepEqual(s.shows(), [
    [30, 'walk'],
    [63, 'walk'],
  ]);
});

test('schedule-wake points at the next thing that can happen, computed from timestamps', () => {
  const s = sim();
  const first = s.activity(0);
  assert.deepEqual(
    first.filter((e) => e.type === 'schedule-wake'),
    [{ type: 'schedule-wake', at: s.t(30) }],
  );
  s.ticks(0.5, 12);
  const mid = s.activity(12);
  assert.deepEqual(
    mid.filter((e) => e.type === 'schedule-wake'),
    [{ type: 'schedule-wake', at: s.t(30) }],
  );
  const quiet = s.idle(13, 12.5);
  assert.deepEqual(
    quiet.filter((e) => e.type === 'schedule-wake'),
    [{ type: 'schedule-wake', at: s.t(15.5) }],
    'the next thing is the quiet spell becoming an absence',
  );
  const onBreak = s.send({ type: 'take-break-now', at: s.t(14) });
  assert.deepEqual(
    onBreak.filter((e) => e.type === 'schedule-wake'),
    [{ type: 'schedule-wake', at: s.t(17) }],
  );
});

test('config changes apply at once: a shorter interval fires now, disabling micro hides it', () => {
  const s = sim({ micro: { enabled: true } });
  s.work(0, 10.05, 0.05);
  assert.equal(s.state.phase.name, 'on-break');
  const off = s.send({ type: 'config-changed', at: s.t(10.1) });
  assert.equal(
    off.filter((e) => e.type !== 'schedule-wake').length,
    0,
    'same config: nothing changes except the wake time',
  );
  const s2 = new Sim(schedulerConfig({ micro: { enabled: false } }, 'Europe/Berlin'), s.t0);
  s2.state = s.state;
  const hidden = s2.send({ type: 'config-changed', at: s.t(10.15) });
  assert.ok(hidden.some((e) => e.type === 'hide-break'));
  assert.equal(s2.state.phase.name, 'working');
  const s3 = new Sim(schedulerConfig({ workMinutes: 10 }, 'Europe/Berlin'), s.t0);
  s3.state = s2.state;
  s3.send({ type: 'config-changed', at: s.t(12) });
  assert.deepEqual(s3.shows(), [[12, 'walk']]);
});

test('step is pure: the input state is not touched and the same input gives the same output', () => {
  const cfg = schedulerConfig({ micro: { enabled: true } }, 'Europe/Berlin');
  const s0 = step(initialState(cfg, MON_9), { type: 'activity', at: MON_9 }, cfg).state;
  const frozen = structuredClone(s0);
  const e: SchedulerEvent = { type: 'tick', at: MON_9 + 31 * MIN };
  const a = step(s0, e, cfg);
  const b = step(s0, e, cfg);
  assert.deepEqual(s0, frozen);
  assert.deepEqual(a, b);
  assert.deepEqual(JSON.parse(JSON.stringify(a.state)), a.state, 'state is JSON-safe');
});

test('skips already stored for today count against the allowance of a state started afresh', () => {
  const s = sim({ skipsPerDay: 3 });
  s.activity(0);
  assert.equal(schedulerStatus(s.state, s.cfg, s.t(1)).skipsLeftToday, 3);
  s.send({ type: 'skips-recorded', at: s.t(1), count: 2 });
  assert.equal(schedulerStatus(s.state, s.cfg, s.t(1)).skipsLeftToday, 1);
  // A smaller count (an older answer) never gives back a skip used here.
  s.send({ type: 'take-break-now', at: s.t(2) });
  s.send({ type: 'skip', at: s.t(2.1) });
  s.send({ type: 'skips-recorded', at: s.t(3), count: 2 });
  assert.equal(schedulerStatus(s.state, s.cfg, s.t(3)).skipsLeftToday, 0);
  s.send({ type: 'take-break-now', at: s.t(4) });
  assert.deepEqual(
    s.send({ type: 'skip', at: s.t(4.1) }).filter((e) => e.type === 'refused'),
    [{ type: 'refused', event: 'skip', reason: 'skip-limit' }],
  );
});

// ---------- clock jumps: sleep, frozen tabs, a wall clock that is wrong for a while ----------

const NOW = utc('2026-12-06T10:00:00Z');
const shown = (effects: readonly Effect[]) => effects.filter((e) => e.type === 'show-break');

test('a browser clock that reads 1970 as the coach starts and then jumps to now counts no work and fires nothing', () => {
  const cfg = schedulerConfig({}, 'Europe/Berlin');
  let state = initialState(cfg, 3); // 1970-01-01T00:00:00.003Z
  state = step(state, { type: 'activity', at: 3 }, cfg).state; // opening the app is input
  const jump = step(state, { type: 'tick', at: NOW }, cfg);
  assert.deepEqual(shown(jump.effects), [], 'no walking break the moment the clock is right');
  assert.equal(jump.state.workMs, 0, 'decades are not work');
  assert.ok(jump.state.away, 'the silence is an absence');
  assert.equal(schedulerStatus(jump.state, cfg, NOW).away, true);
  // The user is back at the next input, and a walk is a whole interval away.
  const s = new Sim(cfg, NOW);
  s.state = step(jump.state, { type: 'activity', at: NOW + 1000 }, cfg).state;
  s.work(1, 40);
  assert.deepEqual(s.shows(), [[31, 'walk']]);
});

test('a clock that reads 1970 for a moment in a running coach: no break, no work, no freeze', () => {
  const s = sim({}, NOW);
  s.work(0, 10);
  s.send({ type: 'tick', at: 5 }); // the clock is wrong for one tick
  assert.equal(s.state.away !== null, true, 'the moment the clock went back is an absence');
  s.tick(10); // the clock is right again
  assert.ok(s.state.workMs <= 10 * MIN, `workMs ${s.state.workMs}`);
  assert.deepEqual(s.shows(), []);
  s.work(10.5, 45);
  // Away across the jump (at least the break's length): a natural break, a full interval from 10.5.
  assert.deepEqual(s.shows(), [[40.5, 'walk']]);
});

test('a machine that sleeps while the user is at work: the silence is an absence from the last tick', () => {
  const s = sim();
  s.work(0, 20);
  s.ticks(20, 21);
  const wake = s.tick(140); // two hours asleep; nothing reported idle
  assert.deepEqual(shown(wake), []);
  assert.deepEqual(
    s.records('away').map((e) => s.min(e.at)),
    [20.5],
  );
  assert.deepEqual(
    s.records('natural-break').map((e) => [s.min(e.at), s.min(e.creditedAt)]),
    [[20.5, 23.5]],
  );
  s.work(141, 175);
  assert.deepEqual(s.shows(), [[171, 'walk']]);
});

test('a silence within the idle threshold and a minute is a throttled tab, still work', () => {
  const s = sim({ idleThresholdSeconds: 180 });
  s.activity(0);
  s.ticks(0.5, 20.01);
  s.tick(24); // 4 min late: exactly the bound
  assert.equal(s.state.away, null);
  assert.equal(s.state.workMs + (s.t(24) - s.state.committedTo), 24 * MIN, 'the late 4 min are work');
  s.ticks(24.5, 30.01);
  assert.deepEqual(s.shows(), [[30, 'walk']]);
  s.tick(34.01); // 4 min and a bit: the page did not run
  assert.ok(s.state.away);
});

test('a clock set back by two hours moves the coach onto the new clock instead of freezing it', () => {
  const s = sim();
  s.work(0, 10);
  const back = s.t(10) - 120 * MIN;
  s.send({ type: 'tick', at: back });
  assert.equal(s.state.at, back, 'the state follows the clock');
  assert.ok(s.state.away);
  // The next input on the new clock is a return, a minute later: too short for a natural break,
  // so the 9 minutes worked before the jump still count and the walk comes 21 minutes on.
  const after = new Sim(s.cfg, back + MIN);
  after.state = s.state;
  after.work(0, 40);
  assert.deepEqual(after.shows(), [[21, 'walk']]);
});

test('a break on screen when the clock goes back keeps its remaining time', () => {
  const s = sim();
  s.work(0, 30.5); // walk shown at 30, ends at 33
  s.send({ type: 'tick', at: s.t(30) - 60 * MIN });
  const ph = s.state.phase;
  assert.equal(ph.name, 'on-break');
  assert.equal(ph.name === 'on-break' && ph.endsAt - s.state.at, 3 * MIN);
});

test('property: with clock jumps anywhere, work never runs past one interval and a jump never fires a break', () => {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let run = 0; run < 40; run++) {
    const cfg = schedulerConfig({ idleThresholdSeconds: 60 + Math.floor(rand() * 1740) }, 'Europe/Berlin');
    const bound = cfg.idleThresholdSeconds * 1000 + MIN;
    let t = NOW + Math.floor(rand() * 1e9);
    let state = initialState(cfg, t);
    for (let i = 0; i < 300; i++) {
      const r = rand();
      const last = state.at;
      if (r < 0.03)
        t = Math.floor(rand() * 1e12); // anywhere from 1970 to 2001
      else if (r < 0.06)
        t += Math.floor(rand() * 400 * 24 * 60 * MIN); // asleep up to 400 days
      else t += Math.floor(rand() * 40_000); // a running page: input or a tick within 40 s
      const type = rand() < 0.5 ? 'tick' : 'activity';
      const { state: next, effects } = step(state, { type, at: t }, cfg);
      const jumped = Math.abs(t - last) > bound;
      if (jumped) assert.deepEqual(shown(effects), [], `run ${run} step ${i}: a jump fired a break`);
      assert.ok(
        next.workMs <= cfg.workMinutes * MIN + 40_000,
        `run ${run} step ${i}: workMs ${next.workMs} after a step of ${t - last} ms`,
      );
      state = next;
    }
  }
});
