import { LESSONS, type LessonId } from '../program/lessons.js';
import { SITTING_RULE_IDS, type SittingRuleId } from '../program/sitting-rules.js';
import { progressionState, type ProgressionPrefs } from '../exercise/progression.js';
import { NO_DIRECTIVES, type ClinicianDirectives } from '../exercise/clinician-directives.js';
import { safetyPause, type SafetyPause } from '../exercise/safety-pause.js';
import { classifySession, type ExerciseSessionRecord } from '../exercise/session-record.js';
import { painRising, type PainRise } from '../safety/pain-rising.js';
import { rescreenReasons, type RescreenReason } from '../safety/rescreen.js';
import { clearanceCovers, type ClearanceRecord } from '../screening/clearance.js';
import { EXERCISE_VARIANTS, type ExerciseVariant } from '../exercise/variants.js';
import {
  answersCurrentQuestions,
  OUTCOME_ADVICE,
  type ScreeningOutcome,
  type StoredRedFlagAnswers,
} from '../screening/triage.js';
import type { StartBackRisk } from '../measures/start-back.js';
import type { LocalDate } from '../time/local-date.js';
import { nextUnreadLesson, programDay } from './program-day.js';
import { pathwayFor } from './start-back-pathway.js';
import { plural, setsOfHolds } from '../text/units.js';

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
  readonly latestScreening: {
    readonly outcome: ScreeningOutcome;
    readonly date: LocalDate;
    readonly answers: StoredRedFlagAnswers;
  } | null;
  /** The user's dates of all their clear screenings (each one lifts a safety pause before it). */
  readonly clearScreeningDates: readonly LocalDate[];
  /** The user's clinician clearances that are not withdrawn. */
  readonly clearances: readonly ClearanceRecord[];
  /** Check-ins of the last 7 days up to today (more are ignored), for the daily pain rule. */
  readonly recentCheckins: readonly { readonly date: LocalDate; readonly pain: number }[];
  /** The baseline's "average pain over the last week", or null before the baseline. */
  readonly baselineWeekAverage: number | null;
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
  /**
   * What the member's clinician changed (clinician-directives.ts); absent for none. It shapes the
   * exercise and the items, never the block: screening and the safety pause come first.
   */
  readonly clinician?: ClinicianDirectives;
}

/** Why the whole plan is withheld. Stable codes; the web app words them. */
export type PlanBlock =
  | { readonly code: 'screening_missing' }
  | {
      readonly code: 'screening_not_clear';
      readonly outcome: Exclude<ScreeningOutcome, 'clear'>;
      /** Whether recording a clinician's clearance would unlock it (never for an emergency). */
      readonly clearanceAllowed: boolean;
    }
  | { readonly code: 'safety_pause'; readonly pause: Extract<SafetyPause, { paused: true }> };

/** Offers to answer the safety questions again, with why; shown whether or not the plan is blocked. */
export interface RescreenPrompt {
  readonly reasons: readonly RescreenReason[];
  /** The numbers behind `pain_rising`, when pain is rising. */
  readonly painRise: PainRise | null;
}

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
      /** A painful session today (stopped for pain, or pain up 2+): offer rest, not another go. */
      readonly restAdvised: boolean;
      /** Why today's session was painful, the latest one first; null when none was. */
      readonly painToday: 'stopped_for_pain' | 'pain_rose' | null;
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
      readonly rescreen: RescreenPrompt;
    }
  | {
      readonly date: LocalDate;
      readonly status: 'ready';
      /** 1 on the start date. */
      readonly programDay: number;
      /** The STarT Back risk group the plan follows (see start-back-pathway.ts), or null. */
      readonly startBackRisk: StartBackRisk | null;
      readonly items: readonly PlanItem[];
      readonly rescreen: RescreenPrompt;
    };

/**
 * Why the plan is blocked on this date, or null if it is not. Screening comes before the pause.
 * A screening that is not clear blocks unless a clinician's clearance covers it (clearance.ts).
 * The safety pause is lifted by a clear screening or a clinician's clearance dated after the last
 * painful session (safety-pause.ts).
 */
export function planBlock(input: DailyPlanInput): PlanBlock | null {
  const s = input.latestScreening;
  if (s === null) return { code: 'screening_missing' };
  if (s.outcome !== 'clear' && !clearanceCovers(s, input.clearances)) {
    return {
      code: 'screening_not_clear',
      outcome: s.outcome,
      clearanceAllowed: OUTCOME_ADVICE[s.outcome].clearanceAllowed,
    };
  }
  const lifts = [...input.clearScreeningDates, ...input.clearances.map((c) => c.clearedOn)];
  const pause = safetyPause(input.exerciseHistory, input.today, lifts);
  if (pause.paused) return { code: 'safety_pause', pause };
  return null;
}

/** Whether and why to offer the safety questions again today. */
export function rescreenPrompt(input: DailyPlanInput): RescreenPrompt {
  const painRise = painRising(input.recentCheckins, input.baselineWeekAverage, input.today);
  const s = input.latestScreening;
  const reasons = rescreenReasons({
    today: input.today,
    latestScreening: s && { date: s.date, currentQuestions: answersCurrentQuestions(s.answers) },
    painRise,
  });
  return { reasons, painRise };
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
  const painful = todays.filter((s) => classifySession(s) === 'painful').at(-1);
  // A session done today is shown as done at the plan it was done at, even if it just moved the
  // user up a level; the new level is tomorrow's.
  const state = progressionState(
    input.exerciseHistory,
    input.exercisePrefs,
    input.clinician ?? NO_DIRECTIVES,
  );
  const variant = completed?.variant ?? state.variant;
  const sets = completed?.plannedSets ?? state.level.sets;
  const holdSeconds = completed?.plannedHoldSeconds ?? state.level.holdSeconds;
  return {
    id: 'exercise',
    kind: 'exercise',
    title: `${EXERCISE_VARIANTS[variant].name}: ${setsOfHolds(sets, holdSeconds)}`,
    done: completed !== undefined,
    variant,
    sets,
    holdSeconds,
    restAdvised: painful !== undefined,
    painToday:
      painful === undefined ? null : painful.stoppedEarly === 'pain' ? 'stopped_for_pain' : 'pain_rose',
  };
}

/**
 * The Today page's list for `input.today`: the next lesson (if any), the exercise session, a daily
 * calm-down practice when the STarT Back pathway or the member's clinician asks for one, the check-in and the sitting goals,
 * each ticked when done. While the latest screening is missing or
 * not clear, or the safety pause is on, the plan is blocked and has no items.
 */
export function dailyPlan(input: DailyPlanInput): DailyPlan {
  const rescreen = rescreenPrompt(input);
  const reason = planBlock(input);
  if (reason) return { date: input.today, status: 'blocked', reason, items: [], rescreen };

  const { taken, goal } = input.walkingBreaks;
  const lesson = lessonItem(input);
  const pathway = pathwayFor(input.startBackRisk);
  const stressPractice =
    pathway?.plan.dailyStressPractice === true || input.clinician?.extraStressPractice === true;
  const items: PlanItem[] = [
    ...(lesson ? [lesson] : []),
    exerciseItem(input),
    ...(stressPractice
      ? [
          {
            id: 'stress',
            kind: 'stress' as const,
            title: `Calm-down breathing: ${plural(PATHWAY_STRESS_MINUTES, 'minute')}`,
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
    rescreen,
  };
}
