import {
  clinicianDirectives,
  localDate,
  programmeChangeBody,
  type ClinicianDirectives,
  type ProgrammeChange,
  type ProgrammeChangeBody,
} from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

interface ChangeRow {
  id: string;
  member_id: string;
  clinician_email: string;
  kind: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

const COLUMNS = 'id, member_id, clinician_email, kind, payload, created_at';

/**
 * A stored row back into its change. The body was validated on the way in; a row that no longer
 * parses (a kind a later hipwise dropped) is skipped rather than let it break the member's Today.
 */
function toChange(r: ChangeRow): ProgrammeChange | null {
  const parsed = programmeChangeBody.safeParse({ ...r.payload, kind: r.kind });
  if (!parsed.success) return null;
  return { id: r.id, change: parsed.data, clinicianEmail: r.clinician_email, createdAt: iso(r.created_at) };
}

export async function insertProgrammeChange(
  q: Queryable,
  c: { memberId: string; clinician: { id: string; email: string }; change: ProgrammeChangeBody; now: Date },
): Promise<ProgrammeChange> {
  const { kind, ...payload } = c.change;
  const rows = await q.query<ChangeRow>(
    `INSERT INTO programme_changes (member_id, clinician_id, clinician_email, kind, payload, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [c.memberId, c.clinician.id, c.clinician.email, kind, JSON.stringify(payload), c.now],
  );
  return toChange(rows[0]!)!;
}

/** Every change to the members' programmes, oldest first, by member. */
export async function programmeChangesOf(
  q: Queryable,
  memberIds: readonly string[],
): Promise<Map<string, ProgrammeChange[]>> {
  const rows = await q.query<ChangeRow>(
    `SELECT ${COLUMNS} FROM programme_changes WHERE member_id = ANY($1::uuid[]) ORDER BY member_id, seq`,
    [memberIds],
  );
  const out = new Map<string, ProgrammeChange[]>();
  for (const r of rows) {
    const change = toChange(r);
    if (!change) continue;
    const list = out.get(r.member_id) ?? [];
    list.push(change);
    out.set(r.member_id, list);
  }
  return out;
}

/** One member's changes, oldest first. */
export async function programmeChangesFor(q: Queryable, memberId: string): Promise<ProgrammeChange[]> {
  return (await programmeChangesOf(q, [memberId])).get(memberId) ?? [];
}

/** What the changes (oldest first) hold now, each dated in the member's time zone. */
export function directivesOf(changes: readonly ProgrammeChange[], timeZone: string): ClinicianDirectives {
  return clinicianDirectives(
    changes.map((c) => ({ date: localDate(new Date(c.createdAt), timeZone), change: c.change })),
  );
}
