import type { Role } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

/** One line of the trail. `detail` must never carry health data: admins read the whole log. */
export interface AuditEntry {
  /** Whose data the event concerns; null for an instance event (a policy change, an invitation). */
  memberId: string | null;
  actor: { id: string; email: string; role: Role };
  action: string;
  detail?: Record<string, string | number | boolean | null>;
  clientAddress: string | null;
  at: Date;
}

export interface AuditRecord {
  id: string;
  memberId: string | null;
  actorEmail: string;
  actorRole: Role;
  action: string;
  detail: Record<string, string | number | boolean | null>;
  clientAddress: string | null;
  at: string;
}

interface AuditRow {
  id: string;
  member_id: string | null;
  actor_email: string;
  actor_role: Role;
  action: string;
  detail: Record<string, string | number | boolean | null>;
  client_address: string | null;
  at: Date;
}

const toRecord = (r: AuditRow): AuditRecord => ({
  id: String(r.id),
  memberId: r.member_id,
  actorEmail: r.actor_email,
  actorRole: r.actor_role,
  action: r.action,
  detail: r.detail,
  clientAddress: r.client_address,
  at: iso(r.at),
});

const COLUMNS = 'id, member_id, actor_email, actor_role, action, detail, client_address, at';

/** Appends to the trail; the table refuses updates and deletes (migration 0008's trigger). */
export async function appendAudit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (member_id, actor_id, actor_email, actor_role, action, detail, client_address, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.memberId,
      e.actor.id,
      e.actor.email,
      e.actor.role,
      e.action,
      JSON.stringify(e.detail ?? {}),
      e.clientAddress,
      e.at,
    ],
  );
}

/** The member's own trail, newest first: "who has seen my data". */
export async function auditForMember(
  q: Queryable,
  memberId: string,
  page: { limit: number; before?: Date },
): Promise<AuditRecord[]> {
  const rows = await q.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log WHERE member_id = $1 AND ($2::timestamptz IS NULL OR at < $2)
     ORDER BY at DESC, id DESC LIMIT $3`,
    [memberId, page.before ?? null, page.limit],
  );
  return rows.map(toRecord);
}
