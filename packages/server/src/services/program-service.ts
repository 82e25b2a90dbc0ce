import {
  addDays,
  dailyPlan,
  PAIN_WINDOW_DAYS,
  lessonStates,
  localDate,
  pathwayFor,
  planBlock,
  progressionState,
  type DailyPlan,
  type DailyPlanInput,
  type ExerciseSessionBody,
  type ExerciseSessionResult,
  type LessonId,
  type LessonState,
  type LessonsResponse,
  type LocalDate,
  type ProgramPrefs,
  type ProgressionResponse,
} from '@hipwise/core';
import type { FeatureConfig } from '../config.js';
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { checkinsBetween } from '../repositories/checkins.js';
import {
  allExerciseSessions,
  findExerciseSession,
  insertExerciseSession,
  recentExerciseSessions,
} from '../repositories/exercise-sessions.js';
import { lessonReads, markLessonRead, unmarkLessonRead } from '../repositories/lesson-reads.js';
import { findProgramPrefs, saveProgramPrefs } from '../repositories/program-prefs.js';
import { clearScreeningTimes, latestScreening } from '../repositories/screenings.js';
import { allClearances } from '../repositories/clearances.js';
import { findBaseline } from '../repositories/baselines.js';
import { latestStartBackRisk } from '../repositories/questionnaire-responses.js';
import { stressSessionsBetween } from '../repositories/stress-sessions.js';
import type { User } from '@hipwise/core';
import type { ServiceDeps } from './deps.js';
import { once } from './idempotent-write.js';
import { recordedTime } from './recorded-time.js';
import { walkingBreaksOn } from './break-service.js';
import { directivesOf, programmeChangesFor } from '../repositories/programme-changes.js';

const lessonNotFound = () => new AppError('not_found', 'lesson_not_found', 'There is no such lesson.');

/**
 * Everything the plan rules need, read in one transaction so the parts agree. The programme
 * starts on the user's date of their first clear screening or first clinician's clearance,
 * whichever came first (or sign-up, before either).
 */
export async function readPlanInput(
  q: Queryable,
  user: User,
  today: LocalDate,
  startBackOffered: boolean,
): Promise<DailyPlanInput> {
  const [
    clearTimes,
    screening,
    clearances,
    reads,
    history,
    prefs,
    checkins,
    baseline,
    walkingBreaks,
    changes,
  ] = [
    await clearScreeningTimes(q, user.id),
    await latestScreening(q, user.id),
    await allClearances(q, user.id),
    await lessonReads(q, user.id),
    await allExerciseSessions(q, user.id),
    await findProgramPrefs(q, user.id),
    await checkinsBetween(q, user.id, addDays(today, -(PAIN_WINDOW_DAYS - 1)), today),
    await findBaseline(q, user.id),
    await walkingBreaksOn(q, user.id, today),
    await programmeChangesFor(q, user.id),
  ];
  const clinician = directivesOf(changes, user.timeZone);
  const startBackRisk = startBackOffered ? await latestStartBackRisk(q, user.id) : null;
  const stressSessionsToday =
    pathwayFor(startBackRisk)?.plan.dailyStressPractice || clinician.extraStressPractice
      ? (await stressSessionsBetween(q, user.id, today, today)).length
      : 0;
  const zone = user.timeZone;
  const unlocks = [...clearTimes, ...clearances.map((c) => new Date(c.createdAt))].sort((a, b) => +a - +b);
  return {
    today,
    startDate: localDate(unlocks[0] ?? new Date(user.createdAt), zone),
    latestScreening: screening && {
      outcome: screening.outcome,
      date: localDate(new Date(screening.createdAt), zone),
      answers: screening.answers,
    },
    clearScreeningDates: clearTimes.map((t) => localDate(t, zone)),
    clearances: clearances
      .filter((c) => c.revokedAt === null)
      .map((c) => ({ clearedOn: c.clearedOn, coveredFlags: c.coveredFlags })),
    recentCheckins: checkins.map((c) => ({ date: c.date, pain: c.pain })),
    baselineWeekAverage: baseline?.painWeekAverage ?? null,
    lessonsRead: reads,
    exerciseHistory: history,
    exercisePrefs: prefs,
    latestCheckinDate: checkins.filter((c) => c.date === today).at(-1)?.date ?? null,
    walkingBreaks,
    startBackRisk,
    stressSessionsToday,
    clinician,
  };
}

/** Lessons, guided exercise sessions, progression and the daily plan. */
export function programService({ db, clock }: ServiceDeps, features: FeatureConfig) {
  // The STarT Back pathway follows the questionnaire only where this server offers it.
  const startBackOffered = !features.disabledInstruments.includes('start_back');
  const planInput = (q: Queryable, user: User, today: LocalDate) =>
    readPlanInput(q, user, today, startBackOffered);
  const todayOf = (user: User) => localDate(clock.now(), user.timeZone);
  const read = <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction(fn);

  function lessonState(input: DailyPlanInput, id: LessonId): LessonState {
    const state = lessonStates(input.startDate, input.today, input.lessonsRead).find((l) => l.id === id);
    if (!state) throw lessonNotFound();
    return state;
  }

  return {
    async plan(user: User): Promise<DailyPlan> {
      return read(async (tx) => dailyPlan(await planInput(tx, user, todayOf(user))));
    },

    async lessons(user: User): Promise<LessonsResponse> {
      return read(async (tx) => {
        const input = await planInput(tx, user, todayOf(user));
        return {
          date: input.today,
          startDate: input.startDate,
          lessons: lessonStates(input.startDate, input.today, input.lessonsRead),
        };
      });
    },

    /**
     * Marks a lesson read on the user's today. Idempotent: marking again keeps the first date.
     * A lesson that has not opened yet cannot be marked (the reader does not offer it either).
     */
    async markRead(user: User, lessonId: LessonId): Promise<LessonState> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const input = await planInput(tx, user, localDate(now, user.timeZone));
        const state = lessonState(input, lessonId);
        if (!state.unlocked) {
          throw new AppError(
            'conflict',
            'lesson_locked',
            `This lesson opens on ${state.unlocksOn}: lessons open one a day.`,
          );
        }
        const mark = await markLessonRead(tx, { userId: user.id, lessonId, day: input.today, now });
        return { ...state, readOn: mark.date };
      });
    },

    async unmarkRead(user: User, lessonId: LessonId): Promise<LessonState> {
      return db.transaction(async (tx) => {
        await unmarkLessonRead(tx, user.id, lessonId);
        return lessonState(await planInput(tx, user, todayOf(user)), lessonId);
      });
    },

    async progression(user: User): Promise<ProgressionResponse> {
      return read(async (tx) => {
        const input = await planInput(tx, user, todayOf(user));
        return {
          date: input.today,
          startDate: input.startDate,
          prefs: input.exercisePrefs,
          progression: progressionState(input.exerciseHistory, input.exercisePrefs, input.clinician),
          block: planBlock(input),
        };
      });
    },

    async savePrefs(user: User, prefs: ProgramPrefs): Promise<ProgramPrefs> {
      return saveProgramPrefs(db, { userId: user.id, prefs, now: clock.now() });
    },

    /**
     * Stores a finished (or stopped) session on the user's today, and says where it leaves them.
     * Every session is stored, whatever the plan says: it happened, and a stop for pain must count
     * towards the safety pause even if another device paused the programme meanwhile.
     * The idempotency key and the write commit together, so a retry never stores twice.
     */
    async recordSession(
      user: User,
      body: ExerciseSessionBody,
      idempotencyKey: string,
    ): Promise<{ status: 201; body: ExerciseSessionResult }> {
      const now = clock.now();
      // The kind goes into the request, so one key reused across endpoints never matches.
      const request = { kind: 'exercise-session', body };
      const k = { userId: user.id, key: idempotencyKey, request, now, what: 'exercise session' };
      const result = await once(db, k, async (tx) => {
        // Inside `once`: a retry of a stored session gets its answer even when it has grown too old.
        const endedAt = recordedTime(body.recordedAt, now, 'exercise session', user.timeZone);
        const day = localDate(endedAt, user.timeZone);
        const session = await insertExerciseSession(tx, { userId: user.id, day, body, now: endedAt });
        const input = await planInput(tx, user, localDate(now, user.timeZone));
        const progression = progressionState(input.exerciseHistory, input.exercisePrefs, input.clinician);
        return { status: 201 as const, body: { session, progression, block: planBlock(input) } };
      });
      return { status: 201 as const, body: result.body };
    },

    recentSessions: (user: User, limit: number) => recentExerciseSessions(db, user.id, limit),

    async session(user: User, id: string) {
      const found = await findExerciseSession(db, user.id, id);
      if (!found) throw new AppError('not_found', 'session_not_found', 'There is no such exercise session.');
      return found;
    },
  };
}

export type ProgramService = ReturnType<typeof programService>;
