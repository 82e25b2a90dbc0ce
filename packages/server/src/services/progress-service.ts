import {
  plural,
  addDays,
  changeClaim,
  localDate,
  PAIN_WINDOW_DAYS,
  programDay,
  recentPain,
  tooEarlyReasons,
  mean,
  mondayOf,
  relationships,
  round,
  schedule,
  weeklySummary,
  painfulSessionCounts,
  type ChangeDto,
  type ChangeMeasure,
  type Checkin,
  type InsightsResponse,
  type InstrumentId,
  type LocalDate,
  type Point,
  type ProgressResponse,
  type QuestionnaireResponse,
  type WeeklyResponse,
} from '@hipwise/core';
import type { FeatureConfig } from '../config.js';
import { findBaseline } from '../repositories/baselines.js';
import { allCheckins } from '../repositories/checkins.js';
import { listResponses } from '../repositories/questionnaire-responses.js';
import { findReflection } from '../repositories/reflections.js';
import { allStressSessions, stressSessionsBetween } from '../repositories/stress-sessions.js';
import type { User } from '@hipwise/core';
import type { ServiceDeps } from './deps.js';
import { allExerciseSessions } from '../repositories/exercise-sessions.js';
import { offeredInstruments, scheduleInput } from './measure-service.js';
import { historyBetween, historySources, type DayHistorySource } from './progress-history.js';

/** Insights look back this far: long enough for patterns, short enough to reflect the present. */
export const INSIGHT_DAYS = 90;

export const points = (responses: readonly QuestionnaireResponse[], id: InstrumentId): Point[] =>
  responses
    .filter((r) => r.instrumentId === id && r.scores)
    .map((r) => ({ date: r.date, value: r.scores?.total ?? 0 }));

function change(
  measure: ChangeMeasure,
  first: Point,
  last: Point,
  startDate: LocalDate,
  basis: string,
  ratings?: number,
): ChangeDto {
  const c = changeClaim({
    measure,
    baseline: first.value,
    current: last.value,
    programDay: programDay(startDate, last.date),
    ...(ratings === undefined ? {} : { ratings }),
  });
  return {
    ...c,
    tooEarly: c.tooEarly && [...c.tooEarly],
    delta: round(c.delta, 1),
    relative: c.relative === null ? null : round(c.relative, 2),
    baselineDate: first.date,
    currentDate: last.date,
    basis,
  };
}

/**
 * Like with like: the baseline's recalled weekly average against the mean of the daily ratings of
 * the last 7 days. With no rating in the window there is nothing to compare yet, which is said too.
 */
export function painChange(
  baseline: Point,
  checkins: readonly Pick<Checkin, 'date' | 'pain'>[],
  startDate: LocalDate,
  today: LocalDate,
): ChangeDto {
  const { mean: m, count } = recentPain(checkins, today);
  const basis = `your average pain over the last ${plural(PAIN_WINDOW_DAYS, 'day')} (${plural(count, 'daily rating')}) against your average for the week before you started`;
  if (m === null) {
    return {
      measure: 'pain',
      baseline: baseline.value,
      current: null,
      delta: null,
      relative: null,
      direction: null,
      meaningful: null,
      tooEarly: tooEarlyReasons('pain', programDay(startDate, today), 0),
      baselineDate: baseline.date,
      currentDate: null,
      basis,
    };
  }
  return change('pain', baseline, { date: today, value: round(m, 1) }, startDate, basis, count);
}

export function firstAndLast(
  measure: ChangeMeasure,
  series: readonly Point[],
  startDate: LocalDate,
  what: string,
): ChangeDto | null {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last || series.length < 2) return null;
  return change(measure, first, last, startDate, `your latest ${what} against your first`);
}

export function progressService(
  { db, clock }: ServiceDeps,
  features: FeatureConfig,
  sources: readonly DayHistorySource[] = historySources(clock),
) {
  const enabled = offeredInstruments(features);

  return {
    async progress(user: User): Promise<ProgressResponse> {
      const today = localDate(clock.now(), user.timeZone);
      const [baseline, checkins, responses, sessions, input] = await Promise.all([
        findBaseline(db, user.id),
        allCheckins(db, user.id),
        listResponses(db, user.id),
        allStressSessions(db, user.id),
        scheduleInput(db, user, today, enabled),
      ]);
      const startDate = input.start;
      const peg = points(responses, 'peg');
      if (baseline) peg.unshift({ date: startDate, value: baseline.pegScore });
      const rmdq = points(responses, 'rmdq');
      const pss4 = points(responses, 'pss4');
      const changes: ChangeDto[] = [];
      if (baseline) {
        changes.push(
          painChange({ date: startDate, value: baseline.painWeekAverage }, checkins, startDate, today),
        );
      }
      for (const c of [
        firstAndLast('peg', peg, startDate, 'PEG score'),
        firstAndLast('rmdq', rmdq, startDate, 'Roland-Morris score'),
        firstAndLast('pss4', pss4, startDate, 'PSS-4 score'),
      ]) {
        if (c) changes.push(c);
      }
      const sb = responses.filter((r) => r.instrumentId === 'start_back' && r.scores?.risk).at(-1);
      return {
        date: today,
        startDate,
        pain: checkins.map((c) => ({ date: c.date, value: c.pain })),
        stress: checkins.map((c) => ({ date: c.date, value: c.stress })),
        peg,
        rmdq,
        pss4,
        pss10: points(responses, 'pss10'),
        changes,
        startBack:
          sb?.scores?.risk !== undefined
            ? {
                date: sb.date,
                total: sb.scores.total,
                psychosocial: sb.scores.psychosocial ?? 0,
                risk: sb.scores.risk,
              }
            : null,
        schedule: schedule(input),
        stressPractice: {
          sessions: sessions.length,
          minutes: round(sessions.reduce((a, s) => a + s.durationSeconds, 0) / 60, 1),
        },
      };
    },

    async insights(user: User): Promise<InsightsResponse> {
      const today = localDate(clock.now(), user.timeZone);
      const from = addDays(today, -(INSIGHT_DAYS - 1));
      // One day more at the start, so the first day's "day before" is known.
      const days = await historyBetween(db, sources, user.id, addDays(from, -1), today);
      return {
        date: today,
        from,
        daysWithData: days.filter((d) => d.date >= from).length,
        relationships: relationships(days).map((r) => ({ ...r, groups: [r.groups[0], r.groups[1]] })),
        sources: sources.filter((s) => s.connected).map((s) => s.name),
      };
    },

    async weekly(user: User, date?: LocalDate): Promise<WeeklyResponse> {
      const day = date ?? localDate(clock.now(), user.timeZone);
      const weekStart = mondayOf(day);
      const weekEnd = addDays(weekStart, 6);
      const [days, responses, sessions, reflection, exercise] = await Promise.all([
        historyBetween(db, sources, user.id, addDays(weekStart, -7), weekEnd),
        listResponses(db, user.id),
        stressSessionsBetween(db, user.id, weekStart, weekEnd),
        findReflection(db, user.id, weekStart),
        allExerciseSessions(db, user.id),
      ]);
      const summary = weeklySummary({
        date: day,
        days,
        questionnaires: responses.flatMap((r) =>
          r.scores ? [{ instrumentId: r.instrumentId, date: r.date, total: r.scores.total }] : [],
        ),
      });
      const drop = mean(sessions.map((s) => s.stressBefore - s.stressAfter));
      return {
        ...summary,
        questionnaires: [...summary.questionnaires],
        painfulSessions: painfulSessionCounts(exercise, weekStart, weekEnd),
        stressPractice: {
          sessions: sessions.length,
          minutes: round(sessions.reduce((a, s) => a + s.durationSeconds, 0) / 60, 1),
          averageDrop: drop === null ? null : round(drop, 1),
        },
        reflection,
      };
    },
  };
}

export type ProgressService = ReturnType<typeof progressService>;
