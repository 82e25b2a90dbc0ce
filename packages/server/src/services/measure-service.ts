import {
  dueOn,
  enabledInstruments,
  INSTRUMENTS,
  plural,
  localDate,
  progress,
  schedule,
  SCHEDULE,
  type DueResponse,
  type InstrumentId,
  type InstrumentsResponse,
  type LocalDate,
  type QuestionnaireResponse,
  type QuestionnaireResponseBody,
  type ResponseEnvelope,
  type ScheduleInput,
  type Scores,
} from '@hipwise/core';
import type { FeatureConfig } from '../config.js';
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { findBaseline } from '../repositories/baselines.js';
import {
  allDrafts,
  deleteDraft,
  findDraft,
  findResponse,
  insertResponse,
  listResponses,
  updateDraft,
} from '../repositories/questionnaire-responses.js';
import type { User } from '@hipwise/core';
import type { ServiceDeps } from './deps.js';
import { once, type Outcome } from './idempotent-write.js';
import { recordedTime } from './recorded-time.js';

export type ResponseOutcome = Outcome<ResponseEnvelope>;

export function envelope(response: QuestionnaireResponse): ResponseEnvelope {
  return { response, progress: progress(INSTRUMENTS[response.instrumentId], response.answers) };
}

function cadenceText(id: InstrumentId): string {
  const c = SCHEDULE[id];
  if (!c) return 'when you like';
  return c.kind === 'once'
    ? 'once, at the start'
    : c.days === 7
      ? 'every week'
      : `every ${plural(c.days, 'day')}`;
}

/** The instruments a deployment offers; a configuration that switches off a core measure is refused. */
export function offeredInstruments(features: FeatureConfig): readonly InstrumentId[] {
  const result = enabledInstruments({ disabled: features.disabledInstruments });
  if (!result.ok) throw new Error(result.error.message);
  return result.enabled;
}

/**
 * What the schedule needs about a user: the programme's first day (the baseline's local date) and
 * completions per instrument. The baseline counts as the first pain and PEG (it asks both).
 */
export async function scheduleInput(
  q: Queryable,
  user: User,
  today: LocalDate,
  enabled: readonly InstrumentId[],
): Promise<ScheduleInput> {
  const [baseline, responses] = await Promise.all([findBaseline(q, user.id), listResponses(q, user.id)]);
  const start = localDate(new Date(baseline?.createdAt ?? user.createdAt), user.timeZone);
  const completions: Partial<Record<InstrumentId, LocalDate[]>> = {};
  for (const r of responses) (completions[r.instrumentId] ??= []).push(r.date);
  return { start, today, enabled, completions, baselineOn: baseline ? start : null };
}

export function measureService({ db, clock }: ServiceDeps, features: FeatureConfig) {
  const enabled = offeredInstruments(features);

  function requireOffered(id: InstrumentId): void {
    if (!enabled.includes(id)) {
      throw new AppError(
        'forbidden',
        'instrument_disabled',
        `The ${INSTRUMENTS[id].shortName} questionnaire is switched off on this hipwise.`,
      );
    }
  }

  function scoresOf(body: QuestionnaireResponseBody): Scores | null {
    if (!body.completed) return null;
    const outcome = INSTRUMENTS[body.instrumentId].score(body.answers);
    if (!outcome.ok) {
      throw new AppError('validation', 'cannot_score', outcome.error.message, {
        answers: outcome.error.message,
      });
    }
    return { ...outcome.value };
  }

  async function write(
    tx: Queryable,
    user: User,
    body: QuestionnaireResponseBody,
    id: string | undefined,
  ): Promise<ResponseOutcome> {
    const now = recordedTime(body.recordedAt, clock.now(), 'questionnaire', user.timeZone);
    const day = localDate(now, user.timeZone);
    const scores = scoresOf(body);
    const instrument = INSTRUMENTS[body.instrumentId];
    let target: QuestionnaireResponse | undefined;
    if (id !== undefined) {
      target = await findResponse(tx, user.id, id, { forUpdate: true });
      if (!target) throw notFound();
      if (target.instrumentId !== body.instrumentId) {
        throw new AppError(
          'validation',
          'instrument_mismatch',
          'This response belongs to another questionnaire.',
          {
            instrumentId: `must be ${target.instrumentId}`,
          },
        );
      }
      if (target.completed) {
        throw new AppError(
          'conflict',
          'already_completed',
          'This questionnaire is already finished; start a new one.',
        );
      }
    } else {
      target = await findDraft(tx, user.id, body.instrumentId);
    }
    const fields = { answers: body.answers, scores, instrumentVersion: instrument.version, day, now };
    if (target) {
      const updated = await updateDraft(tx, { userId: user.id, id: target.id, ...fields });
      if (!updated) throw notFound();
      return { status: 200, body: envelope(updated) };
    }
    const created = await insertResponse(tx, { userId: user.id, instrumentId: body.instrumentId, ...fields });
    if (created) return { status: 201, body: envelope(created) };
    // Another request made the draft between our look and our insert: save onto that one.
    const draft = await findDraft(tx, user.id, body.instrumentId);
    const updated = draft && (await updateDraft(tx, { userId: user.id, id: draft.id, ...fields }));
    if (!updated)
      throw new AppError('conflict', 'concurrent_edit', 'The questionnaire changed meanwhile; try again.');
    return { status: 200, body: envelope(updated) };
  }

  return {
    enabled,

    instruments(): InstrumentsResponse {
      return {
        instruments: enabled.map((id) => {
          const i = INSTRUMENTS[id];
          return {
            id,
            name: i.name,
            shortName: i.shortName,
            version: i.version,
            licence: { ...i.licence },
            cadence: cadenceText(id),
          };
        }),
      };
    },

    /**
     * Saves answers: onto the given response, or onto this instrument's unfinished one, or as a new
     * response. `completed: true` scores it in core; a key makes that write happen once.
     */
    async save(
      user: User,
      body: QuestionnaireResponseBody,
      opts: { id?: string; idempotencyKey?: string },
    ): Promise<ResponseOutcome> {
      requireOffered(body.instrumentId);
      const key = opts.idempotencyKey;
      if (key === undefined) return db.transaction((tx) => write(tx, user, body, opts.id));
      return once(
        db,
        {
          userId: user.id,
          key,
          request: { id: opts.id ?? null, body },
          now: clock.now(),
          what: 'questionnaire',
        },
        (tx) => write(tx, user, body, opts.id),
      );
    },

    async get(user: User, id: string): Promise<ResponseEnvelope> {
      const r = await findResponse(db, user.id, id);
      if (!r) throw notFound();
      return envelope(r);
    },

    async draft(user: User, instrumentId: InstrumentId): Promise<ResponseEnvelope | null> {
      requireOffered(instrumentId);
      const r = await findDraft(db, user.id, instrumentId);
      return r ? envelope(r) : null;
    },

    async discard(user: User, id: string): Promise<void> {
      if (!(await deleteDraft(db, user.id, id))) throw notFound();
    },

    list: (user: User, instrumentId?: InstrumentId) =>
      listResponses(db, user.id, { ...(instrumentId ? { instrumentId } : {}), includeDrafts: true }),

    async due(user: User): Promise<DueResponse> {
      const today = localDate(clock.now(), user.timeZone);
      const [input, drafts] = await Promise.all([
        scheduleInput(db, user, today, enabled),
        allDrafts(db, user.id),
      ]);
      return {
        date: today,
        due: dueOn(input),
        inProgress: drafts
          .filter((d) => enabled.includes(d.instrumentId))
          .map((d) => {
            const p = progress(INSTRUMENTS[d.instrumentId], d.answers);
            return { id: d.id, instrumentId: d.instrumentId, answered: p.answered, total: p.total };
          }),
      };
    },

    async schedule(user: User) {
      const today = localDate(clock.now(), user.timeZone);
      return schedule(await scheduleInput(db, user, today, enabled));
    },
  };
}

const notFound = () =>
  new AppError('not_found', 'response_not_found', 'There is no such questionnaire response.');

export type MeasureService = ReturnType<typeof measureService>;
