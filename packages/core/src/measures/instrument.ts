import { plural } from '../text/units.js';

/**
 * What every questionnaire in hipwise has in common: items with numbered options, a licence note,
 * whether configuration may switch it off, and a scoring function that either returns a typed
 * result or a typed error. Answers are stored raw as `{ itemId: optionValue }` so that scores can
 * always be recomputed, and so that one shape serves storage, the HTTP contract and resume.
 */

export type InstrumentId = 'pain_nrs' | 'peg' | 'rmdq' | 'start_back' | 'pss4' | 'pss10';

export interface AnswerOption {
  /** The value stored and scored (before any reverse-scoring the instrument applies). */
  readonly value: number;
  readonly label: string;
}

export interface InstrumentItem {
  /** Stable id: stored answers refer to it, so never rename or reuse one. */
  readonly id: string;
  readonly text: string;
  readonly options: readonly AnswerOption[];
}

export type LicenceKind = 'public_domain' | 'free_non_commercial' | 'free_research_education';

export interface Licence {
  readonly kind: LicenceKind;
  /** Shown in the app and the README next to the instrument. */
  readonly note: string;
  readonly citation: string;
}

/** Raw answers, complete or not: an item that is missing (or `undefined`) is unanswered. */
export type PartialAnswers = Readonly<Record<string, number | undefined>>;
/** Raw answers with every item answered. */
export type Answers = Readonly<Record<string, number>>;

export type ScoringError =
  | { readonly code: 'incomplete'; readonly missing: readonly string[]; readonly message: string }
  | {
      readonly code: 'invalid_answer';
      readonly itemId: string;
      readonly value: unknown;
      readonly message: string;
    }
  | { readonly code: 'unknown_item'; readonly itemId: string; readonly message: string };

export type ScoreOutcome<R> =
  { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: ScoringError };

/** Every result has a headline `total`: the number charted, compared and exported. */
export interface ScoreBase {
  readonly total: number;
}

export interface Instrument<R extends ScoreBase = ScoreBase> {
  readonly id: InstrumentId;
  /** Our version of the item set and scoring; bump when wording or scoring changes. */
  readonly version: string;
  readonly name: string;
  readonly shortName: string;
  readonly instructions: string;
  readonly items: readonly InstrumentItem[];
  /** Lowest and highest possible total. */
  readonly range: readonly [number, number];
  readonly licence: Licence;
  /** True when configuration may switch the instrument off (licence terms we cannot promise). */
  readonly switchable: boolean;
  score(answers: PartialAnswers): ScoreOutcome<R>;
}

/**
 * Checks raw answers against the items: no unknown item ids, every value one of the item's
 * option values, and (unless `allowMissing`) every item answered. Returns the complete answers.
 */
export function checkAnswers(
  items: readonly InstrumentItem[],
  answers: PartialAnswers,
): ScoreOutcome<Answers> {
  const known = new Set(items.map((i) => i.id));
  for (const itemId of Object.keys(answers)) {
    if (!known.has(itemId)) {
      return { ok: false, error: { code: 'unknown_item', itemId, message: `unknown item ${itemId}` } };
    }
  }
  const missing: string[] = [];
  const complete: Record<string, number> = {};
  for (const item of items) {
    const value = answers[item.id];
    if (value === undefined) {
      missing.push(item.id);
      continue;
    }
    if (!item.options.some((o) => o.value === value)) {
      return {
        ok: false,
        error: {
          code: 'invalid_answer',
          itemId: item.id,
          value,
          message: `${String(value)} is not an answer to ${item.id}`,
        },
      };
    }
    complete[item.id] = value;
  }
  if (missing.length > 0) {
    return {
      ok: false,
      error: {
        code: 'incomplete',
        missing,
        message: `${missing.length} of ${plural(items.length, 'question')} still need an answer`,
      },
    };
  }
  return { ok: true, value: complete };
}

/**
 * An instrument's `score`: checks the answers against `items` (see checkAnswers), then computes
 * the result from the complete answers.
 */
export function scoredBy<R extends ScoreBase>(
  items: readonly InstrumentItem[],
  compute: (answers: Answers) => R,
): (answers: PartialAnswers) => ScoreOutcome<R> {
  return (answers) => {
    const checked = checkAnswers(items, answers);
    return checked.ok ? { ok: true, value: compute(checked.value) } : checked;
  };
}

/** The value of an item in answers already checked by `checkAnswers` (so it is present). */
export function answerOf(answers: Answers, itemId: string): number {
  const v = answers[itemId];
  if (v === undefined) throw new Error(`answer ${itemId} missing after check`);
  return v;
}

export interface Progress {
  readonly answered: number;
  readonly total: number;
  /** 0-1, for a progress bar. */
  readonly fraction: number;
  readonly complete: boolean;
  /** The first unanswered item in presentation order: where a resumed questionnaire opens. */
  readonly nextItemId: string | null;
}

/** How far a (possibly partial) response has got, so a questionnaire can be resumed. */
export function progress(instrument: Pick<Instrument, 'items'>, answers: PartialAnswers): Progress {
  const total = instrument.items.length;
  let answered = 0;
  let nextItemId: string | null = null;
  for (const item of instrument.items) {
    const v = answers[item.id];
    if (v !== undefined && item.options.some((o) => o.value === v)) answered += 1;
    else if (nextItemId === null) nextItemId = item.id;
  }
  return {
    answered,
    total,
    fraction: total === 0 ? 1 : answered / total,
    complete: answered === total,
    nextItemId,
  };
}

/** Options 0..max labelled with their number, with words at both ends (numeric rating scales). */
export function numericOptions(max: number, low: string, high: string): AnswerOption[] {
  return Array.from({ length: max + 1 }, (_, value) => ({
    value,
    label: value === 0 ? `0 (${low})` : value === max ? `${max} (${high})` : String(value),
  }));
}
