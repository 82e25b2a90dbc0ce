import {
  localDate,
  progressionState,
  type CaseloadQuery,
  type CaseloadResponse,
  type ClinicianMemberResponse,
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
  memberFactsOf,
  recentCheckinsOf,
  scoresOf,
  screeningsOf,
  sessionsOf,
  type CaseloadMemberRow,
} from '../repositories/caseload.js';
import { ensureCacheRows, storeStates } from '../repositories/caseload-cache.js';
import { allCheckins } from '../repositories/checkins.js';
import { activeConsent, type ActiveConsent } from '../repositories/consents.js';
import { allExerciseSessions, recentExerciseSessions } from '../repositories/exercise-sessions.js';
import { findProgramPrefs } from '../repositories/program-prefs.js';
import {
  directivesOf,
  insertProgrammeChange,
  programmeChangesFor,
  programmeChangesOf,
} from '../repositories/programme-changes.js';
import { findUserById } from '../repositories/users.js';
import {
  CASELOAD_STATE_VERSION,
  caseloadDays,
  caseloadLine,
  caseloadState,
  heldState,
  recentFrom,
  type CaseloadDays,
  type CaseloadRow as Row,
  type CaseloadState,
} from './caseload-line.js';
import type { ServiceDeps } from './deps.js';
import { exportService, type Download } from './export-service.js';
import { once } from './idempotent-write.js';
import { progressService } from './progress-service.js';

/** Who is asking, and from where: every read and change goes into the member's audit trail. */
export interface Asker {
  user: User;
  clientAddress: string | null;
}

/** The member page shows this many past sessions, as the member's Programme page does. */
const MEMBER_PAGE_SESSIONS = 50;

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

/**
 * The caseload states of `members` computed from their rows, with one set-based query per source
 * over just these members.
 */
async function freshStates(
  tx: Queryable,
  members: readonly CaseloadMemberRow[],
  now: Date,
): Promise<Map<string, CaseloadState>> {
  if (members.length === 0) return new Map();
  const ids = members.map((m) => m.id);
  // The earliest date any of them keeps check-ins from, in their own time zones.
  const since = members.map((m) => recentFrom(localDate(now, m.time_zone))).reduce((a, b) => (a < b ? a : b));
  const [facts, sessions, checkins, scores, screenings, clearances, changes] = [
    new Map((await memberFactsOf(tx, ids)).map((f) => [f.user_id, f])),
    await sessionsOf(tx, ids),
    await recentCheckinsOf(tx, ids, since),
    await scoresOf(tx, ids),
    await screeningsOf(tx, ids),
    await clearancesOf(tx, ids),
    await programmeChangesOf(tx, ids),
  ];
  return new Map(
    members.map((m) => {
      const f = facts.get(m.id);
      const baseline =
        f && f.baseline_at !== null && f.pain_week_average !== null && f.peg_score !== null
          ? { painWeekAverage: f.pain_week_average, pegScore: f.peg_score, createdAt: f.baseline_at }
          : null;
      const state = caseloadState(
        {
          timeZone: m.time_zone,
          createdAt: m.created_at,
          baseline,
          stayOnChair: f?.stay_on_chair ?? false,
          lastActivity: f?.last_activity ?? null,
          sessions: sessions.get(m.id) ?? [],
          checkins: checkins.get(m.id) ?? [],
          scores: scores.get(m.id) ?? [],
          screenings: screenings.get(m.id) ?? [],
          clearances: clearances.get(m.id) ?? [],
          changes: changes.get(m.id) ?? [],
        },
        now,
      );
      return [m.id, state];
    }),
  );
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
     * Everyone consenting to this clinician, filtered, sorted and paged, in one transaction. Each
     * member's line comes from their cached state (caseload_cache) where it still holds; the
     * others are computed with a fixed number of set-based queries over just those members, and
     * stored for the next read. The audit gets one `member.read` line (view `caseload`) for each
     * member on the page returned: their figures were on the clinician's screen. Members on other
     * pages are not logged, as nothing of theirs was shown.
     */
    async caseload(who: Asker, query: CaseloadQuery): Promise<CaseloadResponse> {
      await ensureCacheRows(db, who.user.id);
      return db.transaction(async (tx) => {
        const now = clock.now();
        const members = await consentingMembers(tx, who.user.id);
        const zones = new Map<string, CaseloadDays>();
        const daysIn = (zone: string) => {
          let days = zones.get(zone);
          if (!days) zones.set(zone, (days = caseloadDays(now, zone)));
          return days;
        };
        const held = new Map<string, CaseloadState>();
        for (const m of members) {
          const state = heldState(m.state, m.version, daysIn(m.time_zone).today);
          if (state) held.set(m.id, state);
        }
        const fresh = await freshStates(
          tx,
          members.filter((m) => !held.has(m.id)),
          now,
        );
        await storeStates(
          tx,
          members.flatMap((m) => {
            const state = fresh.get(m.id);
            return state && m.gen !== null ? [{ memberId: m.id, gen: m.gen, state }] : [];
          }),
          CASELOAD_STATE_VERSION,
          now,
        );
        const all = members.map((m) =>
          caseloadLine(
            { id: m.id, email: m.email, createdAt: m.created_at, consentedAt: m.granted_at.toISOString() },
            held.get(m.id) ?? fresh.get(m.id)!,
            daysIn(m.time_zone),
          ),
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
