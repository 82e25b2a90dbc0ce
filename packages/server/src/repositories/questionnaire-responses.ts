import type { InstrumentId, LocalDate, QuestionnaireResponse, Scores, StartBackRisk } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

interface ResponseRow {
  id: string;
  instrument_id: InstrumentId;
  instrument_version: string;
  answers: Record<string, number>;
  scores: Scores | null;
  day: string;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

// day::text, because drivers turn a bare `date` into a JS Date at local midnight.
const COLUMNS =
  'id, instrument_id, instrument_version, answers, scores, day::text AS day, created_at, updated_at, completed_at';

const toResponse = (r: ResponseRow): QuestionnaireResponse => ({
  id: r.id,
  instrumentId: r.instrument_id,
  instrumentVersion: r.instrument_version,
  answers: r.answers,
  completed: r.completed_at !== null,
  scores: r.scores,
  date: r.day,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  completedAt: r.completed_at === null ? null : iso(r.completed_at),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A response of this user by id; undefined for anyone else's id or a malformed one. */
export async function findResponse(
  q: Queryable,
  userId: string,
  id: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<QuestionnaireResponse | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await q.query<ResponseRow>(
    `SELECT ${COLUMNS} FROM questionnaire_responses WHERE user_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [userId, id],
  );
  return rows[0] && toResponse(rows[0]);
}

/** The unfinished response of this instrument, if any (there is at most one). */
export async function findDraft(
  q: Queryable,
  userId: string,
  instrumentId: InstrumentId,
): Promise<QuestionnaireResponse | undefined> {
  const rows = await q.query<ResponseRow>(
    `SELECT ${COLUMNS} FROM questionnaire_responses
     WHERE user_id = $1 AND instrument_id = $2 AND completed_at IS NULL`,
    [userId, instrumentId],
  );
  return rows[0] && toResponse(rows[0]);
}

export async function allDrafts(q: Queryable, userId: string): Promise<QuestionnaireResponse[]> {
  const rows = await q.query<ResponseRow>(
    `SELECT ${COLUMNS} FROM questionnaire_responses WHERE user_id = $1 AND completed_at IS NULL ORDER BY updated_at DESC`,
    [userId],
  );
  return rows.map(toResponse);
}

export interface NewResponse {
  userId: string;
  instrumentId: InstrumentId;
  instrumentVersion: string;
  answers: Readonly<Record<string, number>>;
  scores: Scores | null;
  day: LocalDate;
  now: Date;
}

/**
 * Inserts a response. A second draft of the same instrument violates the partial unique index;
 * `ON CONFLICT DO NOTHING` turns that race into `undefined` for the service to resolve.
 */
export async function insertResponse(
  q: Queryable,
  r: NewResponse,
): Promise<QuestionnaireResponse | undefined> {
  const rows = await q.query<ResponseRow>(
    `INSERT INTO questionnaire_responses
       (user_id, instrument_id, instrument_version, answers, scores, day, created_at, updated_at, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)
     ON CONFLICT (user_id, instrument_id) WHERE completed_at IS NULL DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      r.userId,
      r.instrumentId,
      r.instrumentVersion,
      JSON.stringify(r.answers),
      r.scores === null ? null : JSON.stringify(r.scores),
      r.day,
      r.now,
      r.scores === null ? null : r.now,
    ],
  );
  return rows[0] && toResponse(rows[0]);
}

/** Saves answers on an unfinished response (and completes it when scores are given). */
export async function updateDraft(
  q: Queryable,
  u: {
    userId: string;
    id: string;
    answers: Readonly<Record<string, number>>;
    scores: Scores | null;
    instrumentVersion: string;
    day: LocalDate;
    now: Date;
  },
): Promise<QuestionnaireResponse | undefined> {
  const rows = await q.query<ResponseRow>(
    `UPDATE questionnaire_responses
     SET answers = $3, scores = $4, instrument_version = $5, day = $6, updated_at = $7,
         completed_at = CASE WHEN $4::jsonb IS NULL THEN NULL ELSE $7::timestamptz END
     WHERE user_id = $1 AND id = $2 AND completed_at IS NULL
     RETURNING ${COLUMNS}`,
    [
      u.userId,
      u.id,
      JSON.stringify(u.answers),
      u.scores === null ? null : JSON.stringify(u.scores),
      u.instrumentVersion,
      u.day,
      u.now,
    ],
  );
  return rows[0] && toResponse(rows[0]);
}

export async function deleteDraft(q: Queryable, userId: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const rows = await q.query(
    'DELETE FROM questionnaire_responses WHERE user_id = $1 AND id = $2 AND completed_at IS NULL RETURNING id',
    [userId, id],
  );
  return rows.length > 0;
}

/** Responses, oldest first; only completed ones unless `includeDrafts`. */
export async function listResponses(
  q: Queryable,
  userId: string,
  opts: { instrumentId?: InstrumentId; includeDrafts?: boolean } = {},
): Promise<QuestionnaireResponse[]> {
  const params: unknown[] = [userId];
  let where = 'user_id = $1';
  if (opts.instrumentId) {
    params.push(opts.instrumentId);
    where += ` AND instrument_id = $${params.length}`;
  }
  if (!opts.includeDrafts) where += ' AND completed_at IS NOT NULL';
  const rows = await q.query<ResponseRow>(
    `SELECT ${COLUMNS} FROM questionnaire_responses WHERE ${where} ORDER BY day, coalesce(completed_at, updated_at), id`,
    params,
  );
  return rows.map(toResponse);
}

const RISKS: readonly StartBackRisk[] = ['low', 'medium', 'high'];

/** The risk group of the user's latest completed STarT Back response (same order as listResponses), or null. */
export async function latestStartBackRisk(q: Queryable, userId: string): Promise<StartBackRisk | null> {
  const rows = await q.query<{ risk: string | null }>(
    `SELECT scores->>'risk' AS risk FROM questionnaire_responses
      WHERE user_id = $1 AND instrument_id = 'start_back' AND completed_at IS NOT NULL
      ORDER BY day DESC, completed_at DESC, id DESC LIMIT 1`,
    [userId],
  );
  const risk = rows[0]?.risk;
  return RISKS.find((r) => r === risk) ?? null;
}
