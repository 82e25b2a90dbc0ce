import { z } from 'zod';
import { localDateSchema } from './common.js';
import { recordedAtSchema } from './recorded-at.js';
import { progress, type InstrumentId } from '../measures/instrument.js';
import { INSTRUMENT_IDS, INSTRUMENTS } from '../measures/registry.js';

/**
 * HTTP contract for questionnaire responses. A response may be saved half way (`completed: false`)
 * and resumed; only a completed response is scored. The server stores the raw answers and the
 * scores computed here, never scores sent by the client.
 */
export const instrumentIdSchema = z.enum(INSTRUMENT_IDS as [InstrumentId, ...InstrumentId[]]);

/** Item id -> chosen option value. Every instrument's option values are whole numbers 0-10. */
export const answersSchema = z.record(z.string().min(1).max(40), z.int().min(0).max(10));

export const questionnaireResponseBody = z
  .strictObject({
    instrumentId: instrumentIdSchema,
    answers: answersSchema,
    completed: z.boolean(),
    /** When these answers were given; the server's clock when left out. */
    recordedAt: recordedAtSchema.optional(),
  })
  .superRefine((body, ctx) => {
    const instrument = INSTRUMENTS[body.instrumentId];
    const known = new Map(instrument.items.map((i) => [i.id, i]));
    for (const [itemId, value] of Object.entries(body.answers)) {
      const item = known.get(itemId);
      if (!item) {
        ctx.addIssue({
          code: 'custom',
          path: ['answers', itemId],
          message: `not a question of ${instrument.shortName}`,
        });
      } else if (!item.options.some((o) => o.value === value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['answers', itemId],
          message: 'not one of the answers offered',
        });
      }
    }
    if (body.completed) {
      const p = progress(instrument, body.answers);
      if (!p.complete) {
        for (const item of instrument.items) {
          if (body.answers[item.id] === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['answers', item.id],
              message: 'needs an answer to finish',
            });
          }
        }
      }
    }
  });
export type QuestionnaireResponseBody = z.infer<typeof questionnaireResponseBody>;

export const scoresSchema = z.object({
  total: z.number(),
  /** STarT Back only. */
  psychosocial: z.number().optional(),
  /** STarT Back only. */
  risk: z.enum(['low', 'medium', 'high']).optional(),
});
export type Scores = z.infer<typeof scoresSchema>;

/** A stored response: raw answers, and scores when completed. */
export const questionnaireResponseSchema = z.object({
  id: z.string(),
  instrumentId: instrumentIdSchema,
  /** `Instrument.version` at the time of answering. */
  instrumentVersion: z.string(),
  answers: answersSchema,
  completed: z.boolean(),
  scores: scoresSchema.nullable(),
  /** The user's local date the response belongs to (schedules and charts use it). */
  date: localDateSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type QuestionnaireResponse = z.infer<typeof questionnaireResponseSchema>;

/** GET /api/measures/responses: all of the user's responses, or one instrument's. */
export const questionnaireResponsesQuery = z.strictObject({ instrument: instrumentIdSchema.optional() });
