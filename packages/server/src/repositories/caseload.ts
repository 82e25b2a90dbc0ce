import type { Clearance, ExerciseSessionRecord, Screening } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { CLEARANCE_SELECT, toClearance } from './clearances.js';
import { toScreening, type ScreeningRow } from './screenings.js';

/**
 * The caseload's reads. The first lists every consenting member of one clinician with their
 * caseload_cache row; the consent is part of its join, so the members come only from standing
 * consents read in the caller's transaction (a revocation committed anywhere is seen at once).
 * The others are each a single set-based query over the members whose cached state is missing or
 * stale, so they cost the same handful of round trips for 5 members or 500.
 */

export interface CaseloadMemberRow {
  id: string;
  email: string;
  time_zone: string;
  created_at: Date;
  granted_at: Date;
  /** The member's caseload_cache row (null: none yet); gen as text, as bigint comes back as text. */
  gen: string | null;
  version: number | null;
  /** As stored; its shape is the one of `version`. */
  state: unknown;
}

export async function consentingMembers(q: Queryable, clinicianId: string): Promise<CaseloadMemberRow[]> {
  return q.query<CaseloadMemberRow>(
    `SELECT u.id, u.email, u.time_zone, u.created_at, c.granted_at, k.gen::text AS gen, k.version, k.state
     FROM consents c
     JOIN users cl ON cl.id = c.clinician_id AND cl.role = 'clinician'
     JOIN users u ON u.id = c.member_id
     LEFT JOIN caseload_cache k ON k.member_id = u.id
     WHERE c.clinician_id = $1 AND c.revoked_at IS NULL`,
    [clinicianId],
  );
}

export interface MemberFactsRow {
  user_id: string;
  pain_week_average: number | null;
  peg_score: number | null;
  baseline_at: Date | null;
  stay_on_chair: boolean | null;
  last_activity: Date | null;
}

/** Each member's baseline, exercise preference and last activity. */
export function memberFactsOf(q: Queryable, ids: readonly string[]): Promise<MemberFactsRow[]> {
  // Last activity: the newest check-in, session, breathing practice or finished questionnaire,
  // each found through its (user_id, ...) index rather than by scanning the member's rows.
  return q.query<MemberFactsRow>(
    `SELECT u.id AS user_id, b.pain_week_average, b.peg_score, b.created_at AS baseline_at, pp.stay_on_chair,
       greatest(
         (SELECT updated_at FROM checkins WHERE user_id = u.id ORDER BY day DESC LIMIT 1),
         (SELECT created_at FROM exercise_sessions WHERE user_id = u.id ORDER BY day DESC, created_at DESC LIMIT 1),
         (SELECT created_at FROM stress_sessions WHERE user_id = u.id ORDER BY day DESC, created_at DESC LIMIT 1),
         (SELECT completed_at FROM questionnaire_responses
            WHERE user_id = u.id AND completed_at IS NOT NULL ORDER BY completed_at DESC LIMIT 1)
       ) AS last_activity
     FROM users u
     LEFT JOIN baselines b ON b.user_id = u.id
     LEFT JOIN program_prefs pp ON pp.user_id = u.id
     WHERE u.id = ANY($1::uuid[])`,
    [ids],
  );
}

/**
 * Rows come back as one JSON text per member, parsed natively in one go: the driver's row by row
 * decoding of some twenty thousand rows was most of a caseload's time (bench/caseload-bench.ts).
 */
async function perMember<T>(
  q: Queryable,
  sql: string,
  params: readonly unknown[],
): Promise<Map<string, T[]>> {
  const rows = await q.query<{ user_id: string; rows: string }>(sql, params);
  return new Map(rows.map((r) => [r.user_id, JSON.parse(r.rows) as T[]]));
}

type SessionTuple = [
  ExerciseSessionRecord['date'],
  ExerciseSessionRecord['variant'],
  number,
  number,
  number[],
  number | null,
  number | null,
  ExerciseSessionRecord['stoppedEarly'],
];

// Tuples rather than objects: a third of the text for PostgreSQL to write and for JSON.parse to read.
const toRecord = (t: SessionTuple): ExerciseSessionRecord => ({
  date: t[0],
  variant: t[1],
  plannedSets: t[2],
  plannedHoldSeconds: t[3],
  achievedHoldSeconds: t[4],
  painBefore: t[5],
  painAfter: t[6],
  stoppedEarly: t[7],
});

/** Every exercise session, oldest first in the order they happened, as progression replays them. */
export async function sessionsOf(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, ExerciseSessionRecord[]>> {
  const tuples = await perMember<SessionTuple>(
    q,
    `SELECT user_id, json_agg(json_build_array(day, variant, planned_sets, planned_hold_seconds,
       achieved_hold_seconds, pain_before, pain_after, stopped_early) ORDER BY day, created_at, seq)::text AS rows
     FROM exercise_sessions WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
    [ids],
  );
  return new Map([...tuples].map(([id, list]) => [id, list.map(toRecord)]));
}

/** Check-ins on or after `since` (a UTC date a day early, for members ahead of UTC), oldest first. */
export function recentCheckinsOf(
  q: Queryable,
  ids: readonly string[],
  since: string,
): Promise<Map<string, { date: string; pain: number }[]>> {
  return perMember(
    q,
    `SELECT user_id, json_agg(json_build_object('date', day, 'pain', pain) ORDER BY day)::text AS rows
     FROM checkins WHERE user_id = ANY($1::uuid[]) AND day >= $2 GROUP BY user_id`,
    [ids, since],
  );
}

export interface ScoreRow {
  instrument: 'peg' | 'rmdq' | 'start_back';
  date: string;
  total: number;
  risk: 'low' | 'medium' | 'high' | null;
}

/** Finished PEG, RMDQ and STarT Back scores, in the order Progress lists them. */
export function scoresOf(q: Queryable, ids: readonly string[]): Promise<Map<string, ScoreRow[]>> {
  return perMember(
    q,
    `SELECT user_id, json_agg(json_build_object('instrument', instrument_id, 'date', day,
       'total', (scores->>'total')::real, 'risk', scores->>'risk') ORDER BY day, completed_at, id)::text AS rows
     FROM questionnaire_responses
     WHERE user_id = ANY($1::uuid[]) AND instrument_id IN ('peg', 'rmdq', 'start_back')
       AND completed_at IS NOT NULL AND scores IS NOT NULL
     GROUP BY user_id`,
    [ids],
  );
}

function byMember<R extends { user_id: string }, T>(rows: readonly R[], map: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.user_id);
    if (list) list.push(map(r));
    else out.set(r.user_id, [map(r)]);
  }
  return out;
}

/** Every screening, oldest first (the plan needs the latest and the times of the clear ones). */
export async function screeningsOf(q: Queryable, ids: readonly string[]): Promise<Map<string, Screening[]>> {
  const rows = await q.query<ScreeningRow & { user_id: string }>(
    `SELECT user_id, id, answers, outcome, created_at FROM screenings
     WHERE user_id = ANY($1::uuid[]) ORDER BY user_id, created_at, id`,
    [ids],
  );
  return byMember(rows, toScreening);
}

export async function clearancesOf(q: Queryable, ids: readonly string[]): Promise<Map<string, Clearance[]>> {
  const rows = await q.query<Parameters<typeof toClearance>[0] & { user_id: string }>(
    `${CLEARANCE_SELECT.replace('SELECT c.id', 'SELECT c.user_id, c.id')}
     WHERE c.user_id = ANY($1::uuid[]) AND c.revoked_at IS NULL ORDER BY c.user_id, c.created_at, c.id`,
    [ids],
  );
  return byMember(rows, toClearance);
}

/**
 * One `member.read` line per member in one statement; the same columns as audit-log.ts's
 * appendAudit, which writes one line at a time.
 */
export async function appendReadAudits(
  q: Queryable,
  e: {
    memberIds: readonly string[];
    actor: { id: string; email: string; role: string };
    view: string;
    clientAddress: string | null;
    at: Date;
  },
): Promise<void> {
  if (e.memberIds.length === 0) return;
  await q.query(
    `INSERT INTO audit_log (member_id, actor_id, actor_email, actor_role, action, detail, client_address, at)
     SELECT m, $2, $3, $4, 'member.read', $5, $6, $7 FROM unnest($1::uuid[]) AS m`,
    [
      e.memberIds,
      e.actor.id,
      e.actor.email,
      e.actor.role,
      JSON.stringify({ view: e.view }),
      e.clientAddress,
      e.at,
    ],
  );
}
