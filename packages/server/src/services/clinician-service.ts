import {
  addDays,
  localDate,
  mondayOf,
  painRising,
  planBlock,
  progressionState,
  type CaseloadFlag,
  type CaseloadMember,
  type CaseloadQuery,
  type CaseloadResponse,
  type Clearance,
  type ExerciseSessionRecord,
  type Screening,
  type ClinicianMemberResponse,
  type LocalDate,
  type Point,
  type ProgrammeChange,
  type ProgrammeChangeBody,
  type User,
} from '@hipwise/core';
import type { FeatureConfig } from '../config.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../repositories/audit-log.js';
import {
  appendReadAudits,
  clearancesOf,
  consentingMembers,
  isoOrNull,
  recentCheckinsOf,
  scoresOf,
  screeningsOf,
  sessionsOf,
  type CaseloadMemberRow,
  type ScoreRow,
} from '../repositories/caseload.js';
import { allCheckins } from '../repositories/checkins.js';
import { activeConsent, type ActiveConsent } from '../repositories/consents.js';
import { recentExerciseSessions } from '../repositories/exercise-sessions.js';
import { findProgramPrefs } from '../repositories/program-prefs.js';
import {
  directivesOf,
  insertProgrammeChange,
  programmeChangesFor,
  programmeChangesOf,
} from '../repositories/programme-changes.js';
import { findUserById } from '../repositories/users.js';
import { allExerciseSessions } from '../repositories/exercise-sessions.js';
import type { ServiceDeps } from './deps.js';
import { exportService, type Download } from './export-service.js';
import { once } from './idempotent-write.js';
import { firstAndLast, painChange, progressService } from './progress-service.js';

/** Who is asking, and from where: every read and change goes into the member's audit trail. */
export interface Asker {
  user: User;
  clientAddress: string | null;
}

/** The member page shows this many past sessions, as the member's Programme page does. */
const MEMBER_PAGE_SESSIONS = 50;
const INACTIVE_DAYS = 7;

// No consent, revoked consent, another clinician's member and no such account all read the same.
const unknownMember = () => new AppError('not_found', 'member_not_found', 'There is no such member.');

/**
 * The services the member's own pages use, reading through `tx`: the clinician sees exactly what
 * the member sees, computed by the same code, inside the transaction that checked the consent.
 */
function withinTransaction(db: Database, tx: Queryable): Database {
  return {
    kind: db.kind,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (fn) => fn(tx),
    close: async () => {},
  };
}

const FLAG_ORDER: readonly CaseloadFlag[] = [
  'screening_not_clear',
  'safety_pause',
  'stopped_for_pain',
  'pain_rising',
  'no_activity_7_days',
];

type Row = CaseloadMember & { lastActivityMs: number };

/** One member's caseload line from the set-based reads, through the plan's own rules. */
function caseloadLine(
  m: CaseloadMemberRow,
  now: Date,
  parts: {
    sessions: ExerciseSessionRecord[];
    checkins: { date: string; pain: number }[];
    scores: ScoreRow[];
    screenings: Screening[];
    clearances: Clearance[];
    changes: ProgrammeChange[];
  },
): Row {
  const zone = m.time_zone;
  const today = localDate(now, zone);
  const day = (d: Date) => localDate(d, zone);
  const latest = parts.screenings.at(-1);
  const clinician = directivesOf(parts.changes, zone);
  const block = planBlock({
    today,
    startDate: today,
    latestScreening: latest
      ? { outcome: latest.outcome, date: day(new Date(latest.createdAt)), answers: latest.answers }
      : null,
    clearScreeningDates: parts.screenings
      .filter((s) => s.outcome === 'clear')
      .map((s) => day(new Date(s.createdAt))),
    clearances: parts.clearances.map((c) => ({ clearedOn: c.clearedOn, coveredFlags: c.coveredFlags })),
    recentCheckins: [],
    baselineWeekAverage: null,
    lessonsRead: [],
    exerciseHistory: parts.sessions,
    exercisePrefs: { stayOnChair: m.stay_on_chair ?? false },
    latestCheckinDate: null,
    walkingBreaks: { taken: 0, goal: 0 },
  });
  const progression = progressionState(parts.sessions, { stayOnChair: m.stay_on_chair ?? false }, clinician);
  const weekStart = mondayOf(today);
  const lastWeekStart = addDays(weekStart, -7);
  const count = (from: LocalDate, to: LocalDate) =>
    parts.sessions.filter((s) => s.date >= from && s.date <= to).length;
  const lastActivity = m.last_activity ?? null;
  const idleSince = lastActivity ?? m.created_at;
  const weekAgo = addDays(today, -(INACTIVE_DAYS - 1));

  const flags = new Set<CaseloadFlag>();
  if (block?.code === 'screening_missing' || block?.code === 'screening_not_clear') {
    flags.add('screening_not_clear');
  }
  if (block?.code === 'safety_pause') flags.add('safety_pause');
  if (painRising(parts.checkins, m.pain_week_average, today)) flags.add('pain_rising');
  if (now.getTime() - idleSince.getTime() >= INACTIVE_DAYS * 86_400_000) flags.add('no_activity_7_days');
  if (parts.sessions.some((s) => s.stoppedEarly === 'pain' && s.date >= weekAgo))
    flags.add('stopped_for_pain');

  // The same comparisons, thresholds and "too early" rules as the member's Progress page.
  const startDate = day(m.baseline_at ?? m.created_at);
  const series = (id: ScoreRow['instrument']): Point[] =>
    parts.scores.filter((s) => s.instrument === id).map((s) => ({ date: s.date, value: s.total }));
  const peg = series('peg');
  if (m.peg_score !== null) peg.unshift({ date: startDate, value: m.peg_score });
  const rmdq = series('rmdq');
  const measure = (points: Point[], what: 'peg' | 'rmdq', words: string) => {
    const last = points.at(-1);
    return last
      ? { latest: last.value, date: last.date, change: firstAndLast(what, points, startDate, words) }
      : null;
  };
  const sb = parts.scores.filter((s) => s.instrument === 'start_back' && s.risk !== null).at(-1);

  return {
    memberId: m.id,
    email: m.email,
    consentedAt: isoOrNull(m.granted_at) ?? '',
    lastActivity: isoOrNull(lastActivity),
    lastActivityMs: lastActivity?.getTime() ?? 0,
    sessionsThisWeek: count(weekStart, today),
    sessionsLastWeek: count(lastWeekStart, addDays(weekStart, -1)),
    checkinsThisWeek: parts.checkins.filter((c) => c.date >= weekStart && c.date <= today).length,
    level: {
      variant: progression.variant,
      level: progression.level.level,
      sets: progression.level.sets,
      holdSeconds: progression.level.holdSeconds,
      heldAt: progression.heldAt,
    },
    pain:
      m.pain_week_average === null
        ? null
        : painChange({ date: startDate, value: m.pain_week_average }, parts.checkins, startDate, today),
    peg: measure(peg, 'peg', 'PEG score'),
    rmdq: measure(rmdq, 'rmdq', 'Roland-Morris score'),
    startBack: sb?.risk ? { risk: sb.risk, date: sb.date } : null,
    flags: FLAG_ORDER.filter((f) => flags.has(f)),
  };
}

type Compare = (a: Row, b: Row) => number;
const painDelta = (r: Row): number | null => r.pain?.delta ?? null;

const SORTS: Record<
  CaseloadQuery['sort'],
  { compare: Compare; natural: 'asc' | 'desc'; known?: (r: Row) => unknown }
> = {
  // Most flags first; among equals, the longest idle first.
  attention: {
    compare: (a, b) => a.flags.length - b.flags.length || b.lastActivityMs - a.lastActivityMs,
    natural: 'desc',
  },
  last_activity: { compare: (a, b) => a.lastActivityMs - b.lastActivityMs, natural: 'desc' },
  email: { compare: (a, b) => a.email.localeCompare(b.email), natural: 'asc' },
  sessions: { compare: (a, b) => a.sessionsThisWeek - b.sessionsThisWeek, natural: 'desc' },
  pain_change: {
    compare: (a, b) => (painDelta(a) ?? 0) - (painDelta(b) ?? 0),
    natural: 'desc',
    known: painDelta,
  },
};

/** Sorts in place; members without the value sorted on come last whichever the order. */
function sortRows(rows: Row[], sort: CaseloadQuery['sort'], order: 'asc' | 'desc' | undefined): void {
  const { compare, natural, known } = SORTS[sort];
  const sign = (order ?? natural) === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    if (known) {
      const ka = known(a) !== null;
      if (ka !== (known(b) !== null)) return ka ? -1 : 1;
    }
    return sign * compare(a, b) || a.email.localeCompare(b.email);
  });
}

/** The clinician's side: the caseload, a member's page, programme changes and the clinic export. */
export function clinicianService(deps: ServiceDeps, features: FeatureConfig) {
  const { db, clock } = deps;

  /** The consent and the member, in `tx`; anything less is an unknown member. */
  async function consented(tx: Queryable, clinician: User, memberId: string) {
    const consent = await activeConsent(tx, clinician.id, memberId);
    const member = consent && (await findUserById(tx, memberId));
    if (!consent || !member) throw unknownMember();
    return { consent, member };
  }

  const audit = (
    tx: Queryable,
    who: Asker,
    memberId: string,
    action: string,
    detail: Record<string, string>,
  ) =>
    appendAudit(tx, {
      memberId,
      actor: { id: who.user.id, email: who.user.email, role: who.user.role },
      action,
      detail,
      clientAddress: who.clientAddress,
      at: clock.now(),
    });

  return {
    /**
     * Everyone consenting to this clinician, read with a fixed number of set-based queries in one
     * transaction, then filtered, sorted and paged. The audit gets one `member.read` line (view
     * `caseload`) for each member on the page returned: their figures were on the clinician's
     * screen. Members on other pages are not logged, as nothing of theirs was shown.
     */
    async caseload(who: Asker, query: CaseloadQuery): Promise<CaseloadResponse> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const members = await consentingMembers(tx, who.user.id);
        const ids = members.map((m) => m.id);
        // A day before the earliest "this week" anywhere: Monday can be up to 7 days back, and
        // the pain window is 7 days; time zones move a date by at most a day.
        const since = addDays(localDate(now, 'UTC'), -9);
        const [sessions, checkins, scores, screenings, clearances, changes] = [
          await sessionsOf(tx, ids),
          await recentCheckinsOf(tx, ids, since),
          await scoresOf(tx, ids),
          await screeningsOf(tx, ids),
          await clearancesOf(tx, ids),
          await programmeChangesOf(tx, ids),
        ];
        const all = members.map((m) =>
          caseloadLine(m, now, {
            sessions: sessions.get(m.id) ?? [],
            checkins: checkins.get(m.id) ?? [],
            scores: scores.get(m.id) ?? [],
            screenings: screenings.get(m.id) ?? [],
            clearances: clearances.get(m.id) ?? [],
            changes: changes.get(m.id) ?? [],
          }),
        );
        const needle = query.q?.toLowerCase();
        const filtered = all.filter(
          (r) =>
            (!needle || r.email.toLowerCase().includes(needle)) &&
            (query.flag === undefined ||
              (query.flag === 'any' ? r.flags.length > 0 : r.flags.includes(query.flag))),
        );
        sortRows(filtered, query.sort, query.order);
        const start = (query.page - 1) * query.pageSize;
        const page = filtered.slice(start, start + query.pageSize);
        await appendReadAudits(tx, {
          memberIds: page.map((r) => r.memberId),
          actor: { id: who.user.id, email: who.user.email, role: who.user.role },
          view: 'caseload',
          clientAddress: who.clientAddress,
          at: now,
        });
        return {
          members: page.map(({ lastActivityMs: _, ...r }) => r),
          page: query.page,
          pageSize: query.pageSize,
          total: filtered.length,
          consenting: members.length,
        };
      });
    },

    /** What the member sees on Progress and their session history, read-only; notes only if shared. */
    async member(who: Asker, memberId: string): Promise<ClinicianMemberResponse> {
      return db.transaction(async (tx) => {
        const { consent, member } = await consented(tx, who.user, memberId);
        const inTx = { ...deps, db: withinTransaction(db, tx) };
        const progress = await progressService(inTx, features).progress(member);
        const sessions = await recentExerciseSessions(tx, member.id, MEMBER_PAGE_SESSIONS);
        const changes = await programmeChangesFor(tx, member.id);
        const directives = directivesOf(changes, member.timeZone);
        const prefs = await findProgramPrefs(tx, member.id);
        const state = progressionState(await allExerciseSessions(tx, member.id), prefs, directives);
        const notes = consent.shareNotes
          ? (await allCheckins(tx, member.id)).flatMap((c) =>
              c.note ? [{ date: c.date, note: c.note }] : [],
            )
          : null;
        await audit(tx, who, member.id, 'member.read', { view: 'summary' });
        return {
          member: memberInfo(member, consent),
          progress,
          sessions,
          changes: [...changes].reverse(),
          level: {
            variant: state.variant,
            level: state.level.level,
            sets: state.level.sets,
            holdSeconds: state.level.holdSeconds,
            heldAt: state.heldAt,
          },
          floorSetting: state.floorSetting,
          extraStressPractice: directives.extraStressPractice,
          notes,
        };
      });
    },

    /**
     * Stores one change with who made it; the member's plan follows it from the next read. The
     * idempotency key and the change commit together, so a retried POST never stores it twice.
     */
    async change(
      who: Asker,
      memberId: string,
      body: ProgrammeChangeBody,
      idempotencyKey: string,
    ): Promise<{ status: 201; body: { change: ProgrammeChange } }> {
      const now = clock.now();
      const request = { kind: 'programme-change', memberId, body };
      const k = { userId: who.user.id, key: idempotencyKey, request, now, what: 'programme change' };
      const result = await once(db, k, async (tx) => {
        const { member } = await consented(tx, who.user, memberId);
        const change = await insertProgrammeChange(tx, {
          memberId: member.id,
          clinician: { id: who.user.id, email: who.user.email },
          change: body,
          now,
        });
        await audit(tx, who, member.id, 'programme.change', { kind: body.kind });
        return { status: 201 as const, body: { change } };
      });
      return { status: 201, body: result.body };
    },

    /** The member's FHIR bundle, as their own export makes it, for the clinic's record system. */
    async exportFhir(who: Asker, memberId: string): Promise<Download> {
      return db.transaction(async (tx) => {
        const { member } = await consented(tx, who.user, memberId);
        const download = await exportService(
          { ...deps, db: withinTransaction(db, tx) },
          features.publicUrl,
        ).fhir(member);
        await audit(tx, who, member.id, 'member.read', { view: 'export' });
        return download;
      });
    },
  };
}

function memberInfo(member: User, consent: ActiveConsent) {
  return {
    id: member.id,
    email: member.email,
    shareNotes: consent.shareNotes,
    consentedAt: consent.grantedAt,
  };
}

export type ClinicianService = ReturnType<typeof clinicianService>;
