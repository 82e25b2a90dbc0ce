import {
  addDays,
  changeSinceBaseline,
  localDate,
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
import type { UserWithHash } from '../repositories/users.js';
import type { ServiceDeps } from './deps.js';
import { allExerciseSessions } from '../repositories/exercise-sessions.js';
import { offeredInstruments, scheduleInput } from './measure-service.js';
import { historyBetween, historySources, type DayHistorySource } from './progress-history.js';

/** Insights look back this far: long enough for patterns, short enough to reflect the present. */
export const INSIGHT_DAYS = 90;
/** Check-ins averaged for "pain now" against the baseline, and the fewest that make an average. */
const RECENT_PAIN_WINDOW_DAYS = 7;
const MIN_RECENT_CHECKINS = 3;

const points = (responses: readonly QuestionnaireResponse[], id: InstrumentId): Point[] =>
  responses
    .filter((r) => r.instrumentId === id && r.scores)
    .map((r) => ({ date: r.date, value: r.scores?.total ?? 0 }));

function change(measure: ChangeMeasure, first: Point, last: Point, basis: string): ChangeDto {
  const c = changeSinceBaseline(measure, first.value, last.value);
  return {
    ...c,
    delta: round(c.delta, 1),
    relative: c.relative === null ? null : round(c.relative, 2),
    baselineDate: first.date,
    currentDate: last.date,
    basis,
  };
}

/** Pain now = mean of the check-ins of the last 7 days, compared with the baseline's weekly average. */
function painChange(baseline: Point, checkins: readonly Checkin[], today: LocalDate): ChangeDto | null {
  const recent = checkins.filter((c) => c.date > addDays(today, -RECENT_PAIN_WINDOW_DAYS) && c.date <= today);
  const m = mean(recent.map((c) => c.pain));
  if (m === null || recent.length < MIN_RECENT_CHECKINS) return null;
  return change(
    'pain',
    baseline,
    { date: today, value: round(m, 1) },
    `your average pain over the last 7 days (${recent.length} check-ins) against your average for the week before you started`,
  );
}

function firstAndLast(measure: ChangeMeasure, series: readonly Point[], what: string): ChangeDto | null {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last || series.length < 2) return null;
  return change(measure, first, last, `your latest ${what} against your first`);
}

export function progressService(
  { db, clock }: ServiceDeps,
  features: FeatureConfig,
  sources: readonly DayHistorySource[] = historySources(clock),
) {
  const enabled = offeredInstruments(features);

  return {
    async progress(user: UserWithHash): Promise<ProgressResponse> {
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
        const pain = painChange({ date: startDate, value: baseline.painWeekAverage }, checkins, today);
        if (pain) changes.push(pain);
      }
      for (const c of [
        firstAndLast('peg', peg, 'PEG score'),
        firstAndLast('rmdq', rmdq, 'Roland-Morris score'),
        firstAndLast('pss4', pss4, 'PSS-4 score'),
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

    async insights(user: UserWithHash): Promise<InsightsResponse> {
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

    async weekly(user: UserWithHash, date?: LocalDate): Promise<WeeklyResponse> {
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
