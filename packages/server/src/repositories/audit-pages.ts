import type { AuditLine, Role } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

/**
 * Pages of the audit trail, newest first in the order lines were appended (the id), with the id
 * as the cursor: lines written in the same millisecond are neither skipped nor shown twice.
 */

interface Row {
  id: string;
  actor_email: string;
  actor_role: Role;
  action: string;
  detail: AuditLine['detail'];
  client_address: string | null;
  at: Date;
  member_email?: string | null;
}

const toLine = (r: Row): AuditLine => ({
  id: String(r.id),
  actor: { email: r.actor_email, role: r.actor_role },
  action: r.action,
  detail: r.detail,
  ...(r.member_email === undefined ? {} : { memberEmail: r.member_email }),
  clientAddress: r.client_address,
  at: iso(r.at),
});

export interface AuditPageRequest {
  limit: number;
  /** The id of the last line of the previous page. */
  before?: string | undefined;
}

function paged(rows: Row[], limit: number) {
  const more = rows.length > limit;
  const entries = rows.slice(0, limit).map(toLine);
  return { entries, next: more ? (entries.at(-1)?.id ?? null) : null };
}

/** The member's own trail: "who has seen my data". */
export async function memberAuditPage(q: Queryable, memberId: string, page: AuditPageRequest) {
  const rows = await q.query<Row>(
    `SELECT id, actor_email, actor_role, action, detail, client_address, at FROM audit_log
      WHERE member_id = $1 AND ($2::bigint IS NULL OR id < $2)
      ORDER BY id DESC LIMIT $3`,
    [memberId, page.before ?? null, page.limit + 1],
  );
  return paged(rows, page.limit);
}

/** The whole instance's trail, for admins; lines name whose data they concern by email. */
export async function instanceAuditPage(q: Queryable, page: AuditPageRequest) {
  const rows = await q.query<Row>(
    `SELECT a.id, a.actor_email, a.actor_role, a.action, a.detail, a.client_address, a.at,
            m.email AS member_email
       FROM audit_log a LEFT JOIN users m ON m.id = a.member_id
      WHERE ($1::bigint IS NULL OR a.id < $1)
      ORDER BY a.id DESC LIMIT $2`,
    [page.before ?? null, page.limit + 1],
  );
  return paged(rows, page.limit);
}

/** Every line about the member, oldest first, for the export. */
export async function memberAuditAll(q: Queryable, memberId: string): Promise<AuditLine[]> {
  const rows = await q.query<Row>(
    `SELECT id, actor_email, actor_role, action, detail, client_address, at FROM audit_log
      WHERE member_id = $1 ORDER BY id`,
    [memberId],
  );
  return rows.map(toLine);
}
