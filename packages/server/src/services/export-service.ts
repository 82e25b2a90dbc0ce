import {
  INSTRUMENTS,
  localCodeSystem,
  localDate,
  measureObservation,
  observationBundle,
  painObservation,
  type Bundle,
  type InstrumentId,
  type Observation,
} from '@hipwise/core';
import { AppError } from '../errors.js';
import { allCheckins } from '../repositories/checkins.js';
import { listResponses } from '../repositories/questionnaire-responses.js';
import { allStressSessions } from '../repositories/stress-sessions.js';
import type { User } from '@hipwise/core';
import type { ServiceDeps } from './deps.js';
import { toCsv } from './export-csv.js';

export interface Download {
  filename: string;
  contentType: string;
  body: string;
}

/** What can be exported as CSV: check-ins, practice sessions, and each questionnaire. */
export type CsvMeasure = 'checkins' | 'stress-sessions' | InstrumentId;

export function isCsvMeasure(s: string): s is CsvMeasure {
  return s === 'checkins' || s === 'stress-sessions' || Object.hasOwn(INSTRUMENTS, s);
}

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

  async function questionnaireCsv(user: User, id: InstrumentId): Promise<string> {
    const items = INSTRUMENTS[id].items;
    const responses = await listResponses(db, user.id, { instrumentId: id });
    const extra = id === 'start_back' ? ['psychosocial', 'risk'] : [];
    return toCsv(
      ['date', 'completed_at', 'instrument_version', 'total', ...extra, ...items.map((i) => i.id)],
      responses.map((r) => [
        r.date,
        r.completedAt,
        r.instrumentVersion,
        r.scores?.total,
        ...(id === 'start_back' ? [r.scores?.psychosocial, r.scores?.risk] : []),
        ...items.map((i) => r.answers[i.id]),
      ]),
    );
  }

  return {
    async csv(user: User, measure: CsvMeasure): Promise<Download> {
      let body: string;
      if (measure === 'checkins') {
        const rows = await allCheckins(db, user.id);
        body = toCsv(
          ['date', 'pain', 'stress', 'note', 'updated_at'],
          rows.map((c) => [c.date, c.pain, c.stress, c.note, c.updatedAt]),
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
            s.createdAt,
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
     * A FHIR R4 collection Bundle: pain intensity (LOINC 72514-3) from every check-in, dated by its
     * day, and the total of every completed questionnaire, dated by the instant it was finished.
     */
    async fhir(user: User): Promise<Download & { bundle: Bundle }> {
      const [checkins, responses] = await Promise.all([allCheckins(db, user.id), listResponses(db, user.id)]);
      const patient = `Patient/${user.id}`;
      const observations: Observation[] = [
        ...checkins.map((c) => painObservation(patient, c.pain, c.date, `checkin-${c.date}`)),
        ...responses.flatMap((r) =>
          r.scores
            ? [
                measureObservation(
                  patient,
                  {
                    instrumentId: r.instrumentId,
                    total: r.scores.total,
                    effectiveDateTime: r.completedAt ?? r.date,
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
      const bundle = observationBundle(observations, clock.now().toISOString());
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
