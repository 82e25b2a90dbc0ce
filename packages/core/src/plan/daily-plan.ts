import { LESSONS, type LessonId } from '../program/lessons.js';
import { SITTING_RULE_IDS, type SittingRuleId } from '../program/sitting-rules.js';
import { progressionState, type ProgressionPrefs } from '../exercise/progression.js';
import { safetyPause, type SafetyPause } from '../exercise/safety-pause.js';
import type { ExerciseSessionRecord } from '../exercise/session-record.js';
import { EXERCISE_VARIANTS, type ExerciseVariant } from '../exercise/variants.js';
import type { StartBackRisk } from '../measures/start-back.js';
import type { ScreeningOutcome } from '../screening/triage.js';
import type { LocalDate } from '../time/local-date.js';
import { nextUnreadLesson, programDay } from './program-day.js';
import { pathwayFor } from './start-back-pathway.js';

/** Length of the calm-down practice the STarT Back pathway adds for high risk. */
export const PATHWAY_STRESS_MINUTES = 3;

export interface LessonRead {
  readonly lessonId: LessonId;
  /** The user's date when it was marked read. */
  readonly date: LocalDate;
}

export interface DailyPlanInput {
  /** The user's calendar date to plan for. */
  readonly today: LocalDate;
  /** The user's date on day 1 of the programme. */
  readonly startDate: LocalDate;
  /** The most recent red-flag screening, with the user's date it was answered on; null if none yet. */
  readonly latestScreening: { readonly outcome: ScreeningOutcome; readonly date: LocalDate } | null;
  readonly lessonsRead: readonly LessonRead[];
  readonly exerciseHistory: readonly ExerciseSessionRecord[];
  readonly exercisePrefs: ProgressionPrefs;
  /** Date of the user's latest pain/stress check-in, or null. */
  readonly latestCheckinDate: LocalDate | null;
  /** Walking breaks taken today and today's goal, as the break scheduler counts them. */
  readonly walkingBreaks: { readonly taken: number; readonly goal: number };
  /**
   * The latest STarT Back risk group; null or absent when there is none, or the questionnaire is
   * switched off on this server (then the pathway does nothing).
   */
  readonly startBackRisk?: StartBackRisk | null;
  /** Stress (breathing) practice sessions saved today. */
  readonly stressSessionsToday?: number;
}

/** Why the whole plan is withheld. Stable codes; the web app words them. */
export type PlanBlock =
  | { readonly code: 'screening_missing' }
  | { readonly code: 'screening_not_clear'; readonly outcome: Exclude<ScreeningOutcome, 'clear'> }
  | { readonly code: 'safety_pause'; readonly pause: Extract<SafetyPause, { paused: true }> };

interface ItemBase {
  /** Unique within a day's plan and the same for the same thing on any day. */
  readonly id: string;
  readonly title: string;
  readonly done: boolean;
}

export type PlanItem =
  | (ItemBase & { readonly kind: 'lesson'; readonly lessonId: LessonId; readonly readingMinutes: number })
  | (ItemBase & {
      readonly kind: 'exercise';
      readonly variant: ExerciseVariant;
      readonly sets: number;
      readonly holdSeconds: number;
      /** The user stopped for pain today: offer rest, not another go (see EXERCISE_SAFETY). */
      readonly restAdvised: boolean;
    })
  | (ItemBase & { readonly kind: 'stress'; readonly minutes: number })
  | (ItemBase & { readonly kind: 'checkin' })
  | (ItemBase & {
      readonly kind: 'sitting';
      readonly breaksTaken: number;
      readonly breaksGoal: number;
      readonly ruleIds: readonly SittingRuleId[];
    });

export type PlanItemKind = PlanItem['kind'];

export type DailyPlan =
  | {
      readonly date: LocalDate;
      readonly status: 'blocked';
      readonly reason: PlanBlock;
      readonly items: readonly [];
    }
  | {
      readonly date: LocalDate;
      readonly status: 'ready';
      /** 1 on the start date. */
      readonly programDay: number;
      /** The STarT Back risk group the plan follows (see start-back-pathway.ts), or null. */
      readonly startBackRisk: StartBackRisk | null;
      readonly items: readonly PlanItem[];
    };

/** Why the plan is blocked on this date, or null if it is not. Screening comes before the pause. */
export function planBlock(input: DailyPlanInput): PlanBlock | null {
  const s = input.latestScreening;
  if (s === null) return { code: 'screening_missing' };
  if (s.outcome !== 'clear') return { code: 'screening_not_clear', outcome: s.outcome };
  const pause = safetyPause(input.exerciseHistory, input.today, s.date);
  if (pause.paused) return { code: 'safety_pause', pause };
  return null;
}

function lessonItem(input: DailyPlanInput): PlanItem | null {
  const read = new Set(input.lessonsRead.map((r) => r.lessonId));
  const next = nextUnreadLesson(input.startDate, input.today, read);
  // Once everything open is read, keep today's reading on the list, ticked, rather than let it vanish.
  const lesson =
    next ??
    LESSONS.filter((l) => input.lessonsRead.some((r) => r.lessonId === l.id && r.date === input.today)).at(
      -1,
    );
  if (!lesson) return null;
  return {
    id: `lesson:${lesson.id}`,
    kind: 'lesson',
    title: lesson.title,
    done: next === null,
    lessonId: lesson.id,
    readingMinutes: lesson.readingMinutes,
  };
}

function exerciseItem(input: DailyPlanInput): PlanItem {
  const todays = input.exerciseHistory.filter((s) => s.date === input.today);
  const completed = todays.filter((s) => s.stoppedEarly === 'none').at(-1);
  // A session done today is shown as done at the plan it was done at, even if it just moved the
  // user up a level; the new level is tomorrow's.
  const state = progressionState(input.exerciseHistory, input.exercisePrefs);
  const variant = completed?.variant ?? state.variant;
  const sets = completed?.plannedSets ?? state.level.sets;
  const holdSeconds = completed?.plannedHoldSeconds ?? state.level.holdSeconds;
  return {
    id: 'exercise',
    kind: 'exercise',
    title: `${EXERCISE_VARIANTS[variant].name}: ${sets} × ${holdSeconds} s`,
    done: completed !== undefined,
    variant,
    sets,
    holdSeconds,
    restAdvised: todays.some((s) => s.stoppedEarly === 'pain'),
  };
}

/**
 * The Today page's list for `input.today`: the next lesson (if any), the exercise session, a daily
 * calm-down practice when the STarT Back pathway asks for one, the check-in and the sitting goals,
 * each ticked when done. While the latest screening is missing or
 * not clear, or the safety pause is on, the plan is blocked and has no items.
 */
export function dailyPlan(input: DailyPlanInput): DailyPlan {
  const reason = planBlock(input);
  if (reason) return { date: input.today, status: 'blocked', reason, items: [] };

  const { taken, goal } = input.walkingBreaks;
  const lesson = lessonItem(input);
  const pathway = pathwayFor(input.startBackRisk);
  const items: PlanItem[] = [
    ...(lesson ? [lesson] : []),
    exerciseItem(input),
    ...(pathway?.plan.dailyStressPractice
      ? [
          {
            id: 'stress',
            kind: 'stress' as const,
            title: `Calm-down breathing: ${PATHWAY_STRESS_MINUTES} minutes`,
            done: (input.stressSessionsToday ?? 0) > 0,
            minutes: PATHWAY_STRESS_MINUTES,
          },
        ]
      : []),
    {
      id: 'checkin',
      kind: 'checkin',
      title: 'Check in: pain and stress',
      done: input.latestCheckinDate === input.today,
    },
    {
      id: 'sitting',
      kind: 'sitting',
      title: `Walking breaks: ${taken} of ${goal}`,
      done: taken >= goal,
      breaksTaken: taken,
      breaksGoal: goal,
      ruleIds: SITTING_RULE_IDS,
    },
  ];
  return {
    date: input.today,
    status: 'ready',
    programDay: programDay(input.startDate, input.today),
    startBackRisk: pathway?.risk ?? null,
    items,
  };
}
