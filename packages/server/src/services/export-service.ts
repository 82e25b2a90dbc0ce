import {
  INSTRUMENTS,
  isoInZone,
  localCodeSystem,
  localDate,
  measureObservation,
  observationBundle,
  painObservation,
  type Baseline,
  type Bundle,
  type InstrumentId,
  type Observation,
  type User,
} from '@hipwise/core';
import { AppError } from '../errors.js';
import { findBaseline } from '../repositories/baselines.js';
import { allCheckins } from '../repositories/checkins.js';
import { listResponses } from '../repositories/questionnaire-responses.js';
import { allStressSessions } from '../repositories/stress-sessions.js';
import type { ServiceDeps } from './deps.js';
import { toCsv } from './export-csv.js';

export interface Download {
  filename: string;
  contentType: string;
  body: string;
}

/** What can be exported as CSV: the baseline, check-ins, practice sessions, and each questionnaire. */
export type CsvMeasure = 'baseline' | 'checkins' | 'stress-sessions' | InstrumentId;

export function isCsvMeasure(s: string): s is CsvMeasure {
  return s === 'baseline' || s === 'checkins' || s === 'stress-sessions' || Object.hasOwn(INSTRUMENTS, s);
}

/** The baseline's answers to a questionnaire's items, for the two it asks: pain now, and the PEG. */
const BASELINE_ANSWERS: Partial<
  Record<InstrumentId, (b: Baseline) => { total: number; answers: Record<string, number> }>
> = {
  pain_nrs: (b) => ({ total: b.painNow, answers: { pain: b.painNow } }),
  peg: (b) => ({ total: b.pegScore, answers: { ...b.peg } }),
};

const BASELINE_NOTE = 'Baseline: answered when starting hipwise';

const CSV_TYPE = 'text/csv; charset=utf-8';
// The FHIR media type (https://hl7.org/fhir/R4/http.html#mime-type).
const FHIR_TYPE = 'application/fhir+json; charset=utf-8';

/**
 * Exports of the caller's own data. Questionnaires switched off on this instance are still
 * exported when the user has answers stored: they are the user's data.
 */
export function exportService({ db, clock }: ServiceDeps, publicUrl: string) {
  const localSystem = localCodeSystem(publicUrl);
  const stamp = (user: User) => localDate(clock.now(), user.timeZone);
  const inZone = (user: User, at: string | null) => (at === null ? null : isoInZone(at, user.timeZone));

  /** One row per completed answer, the baseline first (marked as such) where it asked the items. */
  async function questionnaireCsv(user: User, id: InstrumentId): Promise<string> {
    const items = INSTRUMENTS[id].items;
    const asked = BASELINE_ANSWERS[id];
    // The baseline is read only for the questionnaires it asked.
    const [responses, baseline] = await Promise.all([
      listResponses(db, user.id, { instrumentId: id }),
      asked ? findBaseline(db, user.id) : undefined,
    ]);
    const extra = id === 'start_back' ? ['psychosocial', 'risk'] : [];
    const fromBaseline = baseline && asked ? asked(baseline) : null;
    const baselineRows =
      baseline && fromBaseline
        ? [
            [
              'baseline',
              localDate(new Date(baseline.createdAt), user.timeZone),
              inZone(user, baseline.createdAt),
              '',
              fromBaseline.total,
              ...items.map((i) => fromBaseline.answers[i.id]),
            ],
          ]
        : [];
    return toCsv(
      ['source', 'date', 'completed_at', 'instrument_version', 'total', ...extra, ...items.map((i) => i.id)],
      [
        ...baselineRows,
        ...responses.map((r) => [
          'questionnaire',
          r.date,
          inZone(user, r.completedAt),
          r.instrumentVersion,
          r.scores?.total,
          ...(id === 'start_back' ? [r.scores?.psychosocial, r.scores?.risk] : []),
          ...items.map((i) => r.answers[i.id]),
        ]),
      ],
    );
  }

  async function baselineCsv(user: User): Promise<string> {
    const b = await findBaseline(db, user.id);
    return toCsv(
      [
        'date',
        'answered_at',
        'updated_at',
        'pain_now',
        'pain_week_average',
        'peg_pain',
        'peg_enjoyment',
        'peg_activity',
        'peg_score',
        'sitting_hours_per_workday',
        'stress',
      ],
      b
        ? [
            [
              localDate(new Date(b.createdAt), user.timeZone),
              inZone(user, b.createdAt),
              inZone(user, b.updatedAt),
              b.painNow,
              b.painWeekAverage,
              b.peg.pain,
              b.peg.enjoyment,
              b.peg.activity,
              b.pegScore,
              b.sittingHoursPerWorkday,
              b.stress,
            ],
          ]
        : [],
    );
  }

  return {
    async csv(user: User, measure: CsvMeasure): Promise<Download> {
      let body: string;
      if (measure === 'baseline') {
        body = await baselineCsv(user);
      } else if (measure === 'checkins') {
        const rows = await allCheckins(db, user.id);
        body = toCsv(
          ['date', 'pain', 'stress', 'note', 'updated_at'],
          rows.map((c) => [c.date, c.pain, c.stress, c.note, inZone(user, c.updatedAt)]),
        );
      } else if (measure === 'stress-sessions') {
        const rows = await allStressSessions(db, user.id);
        body = toCsv(
          [
            'date',
            'created_at',
            'planned_minutes',
            'duration_seconds',
            'inhale_seconds',
            'exhale_seconds',
            'stress_before',
            'stress_after',
          ],
          rows.map((s) => [
            s.date,
            inZone(user, s.createdAt),
            s.plannedMinutes,
            s.durationSeconds,
            s.inhaleSeconds,
            s.exhaleSeconds,
            s.stressBefore,
            s.stressAfter,
          ]),
        );
      } else {
        body = await questionnaireCsv(user, measure);
      }
      const name = measure === 'checkins' ? 'pain-stress-checkins' : measure.replaceAll('_', '-');
      return { filename: `hipwise-${name}-${stamp(user)}.csv`, contentType: CSV_TYPE, body };
    },

    /**
     * A FHIR R4 collection Bundle: the baseline's pain and PEG (with a note saying so), pain
     * intensity (LOINC 72514-3) from every check-in, dated by its day, and the total of every
     * completed questionnaire, dated by the instant it was finished, in the user's zone.
     */
    async fhir(user: User): Promise<Download & { bundle: Bundle }> {
      const [baseline, checkins, responses] = await Promise.all([
        findBaseline(db, user.id),
        allCheckins(db, user.id),
        listResponses(db, user.id),
      ]);
      const patient = `Patient/${user.id}`;
      const baselineAt = baseline ? isoInZone(baseline.createdAt, user.timeZone) : '';
      const note = [{ text: BASELINE_NOTE }];
      const observations: Observation[] = [
        ...(baseline
          ? [
              { ...painObservation(patient, baseline.painNow, baselineAt, 'baseline-pain'), note },
              {
                ...measureObservation(
                  patient,
                  {
                    instrumentId: 'peg',
                    total: baseline.pegScore,
                    effectiveDateTime: baselineAt,
                    id: 'baseline-peg',
                  },
                  localSystem,
                ),
                note,
              },
            ]
          : []),
        ...checkins.map((c) => painObservation(patient, c.pain, c.date, `checkin-${c.date}`)),
        ...responses.flatMap((r) =>
          r.scores
            ? [
                measureObservation(
                  patient,
                  {
                    instrumentId: r.instrumentId,
                    total: r.scores.total,
                    effectiveDateTime: inZone(user, r.completedAt) ?? r.date,
                    id: r.id,
                    ...(r.scores.risk !== undefined && r.scores.psychosocial !== undefined
                      ? { startBack: { psychosocial: r.scores.psychosocial, risk: r.scores.risk } }
                      : {}),
                  },
                  localSystem,
                ),
              ]
            : [],
        ),
      ];
      const bundle = observationBundle(observations, isoInZone(clock.now(), user.timeZone));
      return {
        filename: `hipwise-fhir-${stamp(user)}.json`,
        contentType: FHIR_TYPE,
        body: JSON.stringify(bundle, null, 2),
        bundle,
      };
    },
  };
}

export const unknownMeasure = (m: string) =>
  new AppError('not_found', 'unknown_measure', `There is no export called ${m}.`);

export type ExportService = ReturnType<typeof exportService>;
