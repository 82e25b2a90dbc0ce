import { addDays } from '../time/local-date.js';
import { byDate, present, type DayRecord } from './day-record.js';
import { mean, median, pearson, round, spearman } from './stats.js';
import { plural } from '../text/units.js';

/**
 * Relationships a user can act on, computed over their own history only:
 * - pain vs sitting minutes the day before (lag 1: sitting today can only affect tomorrow's report),
 * - pain vs breaks taken the day before,
 * - pain on days after an exercise session vs days after none,
 * - pain vs stress the same day.
 * Each comes with the number of paired days behind it, Spearman's rho (pain ratings are ordinal;
 * Pearson's r is given too), and a mean difference in pain points. Below 14 paired days we make no
 * claim at all. Above it the wording says association, never
 * cause: one person's diary cannot separate cause from coincidence (a painful day may be why they
 * sat more). Strength words follow Cohen's conventions for r: 0.1 small, 0.3 moderate, 0.5 large.
 */
export const MIN_PAIRED_DAYS = 14;
/** Each side of the exercise comparison needs this many days before a difference is reported. */
export const MIN_GROUP_DAYS = 3;

export type RelationshipId =
  'sitting_previous_day' | 'breaks_previous_day' | 'exercise_previous_day' | 'stress_same_day';

export interface Relationship {
  readonly id: RelationshipId;
  /** Days with both values recorded. */
  readonly pairedDays: number;
  readonly minimumDays: number;
  /** Enough data for any statement beyond "not enough data yet". */
  readonly enough: boolean;
  readonly spearman: number | null;
  readonly pearson: number | null;
  /**
   * Mean pain on "higher" days minus mean pain on the others: days after more sitting / more
   * breaks than the median, days after a session, days with more stress than the median. Null
   * when either group is empty.
   */
  readonly meanDifference: number | null;
  /** Sizes of the two groups behind meanDifference: [higher/after-session, others]. */
  readonly groups: readonly [number, number];
  readonly strength: 'none' | 'small' | 'moderate' | 'large' | null;
  /** For the user, honest about how little one diary can show. */
  readonly summary: string;
}

interface Pair {
  readonly x: number;
  readonly pain: number;
}

function pairs(
  days: readonly DayRecord[],
  lag: 0 | 1,
  pick: (d: DayRecord) => number | null | undefined,
): Pair[] {
  const index = byDate(days);
  const out: Pair[] = [];
  for (const day of index.values()) {
    if (!present(day.pain)) continue;
    const source = lag === 0 ? day : index.get(addDays(day.date, -lag));
    const x = source ? pick(source) : undefined;
    if (present(x)) out.push({ x, pain: day.pain });
  }
  return out;
}

function strengthOf(r: number | null): Relationship['strength'] {
  if (r === null) return null;
  const a = Math.abs(r);
  if (a < 0.1) return 'none';
  if (a < 0.3) return 'small';
  if (a < 0.5) return 'moderate';
  return 'large';
}

const CAVEAT = 'This is a pattern in your own records, not proof that one causes the other.';

function notEnough(n: number): string {
  return `Not enough data yet: ${n} of ${plural(MIN_PAIRED_DAYS, 'day')}.`;
}

function points(x: number): string {
  const v = round(Math.abs(x), 1);
  return plural(v, 'point');
}

interface Wording {
  readonly what: string; // e.g. 'sitting the day before'
  readonly higher: string; // e.g. 'On days after you sat more'
}

const WORDING: Record<Exclude<RelationshipId, 'exercise_previous_day'>, Wording> = {
  sitting_previous_day: {
    what: 'how long you sat the day before',
    higher: 'On days after you sat longer than usual',
  },
  breaks_previous_day: {
    what: 'breaks taken the day before',
    higher: 'On days after you took more breaks than usual',
  },
  stress_same_day: {
    what: 'your stress on the same day',
    higher: 'On days when your stress was higher than usual',
  },
};

function continuous(id: Exclude<RelationshipId, 'exercise_previous_day'>, ps: readonly Pair[]): Relationship {
  const xs = ps.map((p) => p.x);
  const ys = ps.map((p) => p.pain);
  const rho = spearman(xs, ys);
  const r = pearson(xs, ys);
  const cut = median(xs);
  const hi = cut === null ? [] : ps.filter((p) => p.x > cut).map((p) => p.pain);
  const lo = cut === null ? [] : ps.filter((p) => p.x <= cut).map((p) => p.pain);
  const mHi = mean(hi);
  const mLo = mean(lo);
  const meanDifference = mHi !== null && mLo !== null ? mHi - mLo : null;
  const enough = ps.length >= MIN_PAIRED_DAYS;
  const strength = enough ? strengthOf(rho) : null;
  const w = WORDING[id];
  let summary: string;
  if (!enough) summary = notEnough(ps.length);
  else if (rho === null || strength === 'none' || meanDifference === null)
    summary = `No clear link so far between ${w.what} and your pain (${plural(ps.length, 'day')}).`;
  else
    summary = `${w.higher}, your pain was on average ${points(meanDifference)} ${meanDifference >= 0 ? 'higher' : 'lower'} (a ${strength} link, over ${plural(ps.length, 'day')}). ${CAVEAT}`;
  return {
    id,
    pairedDays: ps.length,
    minimumDays: MIN_PAIRED_DAYS,
    enough,
    spearman: rho,
    pearson: r,
    meanDifference,
    groups: [hi.length, lo.length],
    strength,
    summary,
  };
}

function exercise(ps: readonly Pair[]): Relationship {
  const xs = ps.map((p) => (p.x > 0 ? 1 : 0));
  const ys = ps.map((p) => p.pain);
  const after = ps.filter((p) => p.x > 0).map((p) => p.pain);
  const without = ps.filter((p) => p.x <= 0).map((p) => p.pain);
  const mA = mean(after);
  const mW = mean(without);
  const meanDifference = mA !== null && mW !== null ? mA - mW : null;
  // Point-biserial correlation = Pearson's r with a 0/1 variable; Spearman on 0/1 ranks is the same.
  const r = pearson(xs, ys);
  const rho = spearman(xs, ys);
  const enough = ps.length >= MIN_PAIRED_DAYS;
  const bothSides = after.length >= MIN_GROUP_DAYS && without.length >= MIN_GROUP_DAYS;
  const strength = enough && bothSides ? strengthOf(rho) : null;
  let summary: string;
  if (!enough) summary = notEnough(ps.length);
  else if (!bothSides)
    summary = `Not enough variety yet: we need at least ${plural(MIN_GROUP_DAYS, 'day')} after a session and ${plural(MIN_GROUP_DAYS, 'day')} after none (so far ${after.length} and ${without.length}).`;
  else if (meanDifference === null || strength === null || strength === 'none')
    summary = `No clear difference so far in your pain on days after an exercise session (${plural(ps.length, 'day')}).`;
  else
    summary = `On days after an exercise session, your pain was on average ${points(meanDifference)} ${meanDifference >= 0 ? 'higher' : 'lower'} than on other days (${plural(after.length, 'day')} after a session, ${without.length} without). ${CAVEAT}`;
  return {
    id: 'exercise_previous_day',
    pairedDays: ps.length,
    minimumDays: MIN_PAIRED_DAYS,
    enough: enough && bothSides,
    spearman: rho,
    pearson: r,
    meanDifference,
    groups: [after.length, without.length],
    strength,
    summary,
  };
}

/** All four relationships over a history (any order, gaps allowed: pairing is by calendar date). */
export function relationships(days: readonly DayRecord[]): Relationship[] {
  return [
    continuous(
      'sitting_previous_day',
      pairs(days, 1, (d) => d.sittingMinutes),
    ),
    continuous(
      'breaks_previous_day',
      pairs(days, 1, (d) => d.breaksTaken),
    ),
    exercise(pairs(days, 1, (d) => d.exerciseSessions)),
    continuous(
      'stress_same_day',
      pairs(days, 0, (d) => d.stress),
    ),
  ];
}
