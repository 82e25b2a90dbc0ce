import type { InstrumentId } from '../measures/instrument.js';
import type { StartBackRisk } from '../measures/start-back.js';

/**
 * FHIR R4 export of pain intensity and questionnaire totals as `Observation`s in a `Bundle` of
 * type `collection` (https://hl7.org/fhir/R4/observation.html, bundle.html).
 *
 * Codes (each checked on loinc.org or two listings of the term):
 * - pain NRS: LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
 *   (used the same way in the French "mesures de santé" IG and HL7 Belgium's pain scale);
 * - PEG: LOINC 91147-9 "Mean score [PEG]";
 * - STarT Back: LOINC 91351-7 "Total score [STarT Back]", with components 91350-9 "Distress
 *   subscore [STarT Back]" and 91352-5 "STarT Back Screening risk level", all members of panel
 *   91349-1. The risk level's answers are LOINC's normative answer list LL3578-3 for 91352-5,
 *   as published on the term's own page (https://loinc.org/91352-5): LA9194-7 Low, LA8982-6
 *   Medium, LA9193-9 High. (LA8982-6 is the list's own code for the middle level, not a guess
 *   at a "moderate" answer from another list.)
 * - PSS-10: LOINC 106860-0 "Perceived stress scale-10 total score [PSS-10]";
 * - RMDQ and PSS-4: no LOINC total-score term found, so codes of hipwise's own code system, whose
 *   URL derives from the server's public URL (`localCodeSystem`): a code system URL should be one
 *   its publisher controls, and only the host knows theirs.
 *
 * Value: `valueQuantity` with the UCUM unit `{score}` (the example unit LOINC gives for these
 * score terms; the French IG does the same for 72514-3). `valueInteger` would also be valid R4,
 * but a quantity carries the unit and also fits the PEG's decimal mean, so every score has one shape.
 * Category: `survey` (observation-category), as patient-reported questionnaire results.
 */
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
/** hipwise's own code system for scores LOINC has no code for, under the server's public URL. */
export function localCodeSystem(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/fhir/CodeSystem/measures`;
}

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}

export interface CodeableConcept {
  readonly coding: readonly Coding[];
  readonly text?: string;
}

export interface Quantity {
  readonly value: number;
  readonly unit: string;
  readonly system: string;
  readonly code: string;
}

export interface ObservationComponent {
  readonly code: CodeableConcept;
  readonly valueQuantity?: Quantity;
  readonly valueCodeableConcept?: CodeableConcept;
}

export interface Observation {
  readonly resourceType: 'Observation';
  readonly id?: string;
  readonly status: 'final';
  readonly category: readonly CodeableConcept[];
  readonly code: CodeableConcept;
  readonly subject: { readonly reference: string };
  readonly effectiveDateTime: string;
  readonly valueQuantity: Quantity;
  readonly component?: readonly ObservationComponent[];
  /** Free text about the observation, e.g. that it is the baseline (R4 Observation.note). */
  readonly note?: readonly { readonly text: string }[];
}

export interface Bundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly timestamp?: string;
  readonly entry: readonly { readonly fullUrl?: string; readonly resource: Observation }[];
}

const LOCAL_CODES = {
  rmdq: { code: 'rmdq-24-total', display: 'Roland-Morris Disability Questionnaire (24 items) total score' },
  pss4: { code: 'pss-4-total', display: 'Perceived Stress Scale (4 items) total score' },
} as const;

const LOINC_CODES: Readonly<Record<Exclude<InstrumentId, keyof typeof LOCAL_CODES>, Coding>> = {
  pain_nrs: {
    system: LOINC,
    code: '72514-3',
    display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
  },
  peg: { system: LOINC, code: '91147-9', display: 'Mean score [PEG]' },
  start_back: { system: LOINC, code: '91351-7', display: 'Total score [STarT Back]' },
  pss10: { system: LOINC, code: '106860-0', display: 'Perceived stress scale-10 total score [PSS-10]' },
};

const RISK_ANSWERS: Readonly<Record<StartBackRisk, Coding>> = {
  low: { system: LOINC, code: 'LA9194-7', display: 'Low' },
  medium: { system: LOINC, code: 'LA8982-6', display: 'Medium' },
  high: { system: LOINC, code: 'LA9193-9', display: 'High' },
};

/** The code of an instrument's total; `localSystem` is `localCodeSystem(publicUrl)`. */
export function totalCoding(id: InstrumentId, localSystem: string): Coding {
  return id === 'rmdq' || id === 'pss4' ? { system: localSystem, ...LOCAL_CODES[id] } : LOINC_CODES[id];
}

function score(value: number): Quantity {
  return { value, unit: '{score}', system: UCUM, code: '{score}' };
}

export interface MeasureObservationInput {
  readonly instrumentId: InstrumentId;
  /** The headline total (`ScoreBase.total`). */
  readonly total: number;
  /** A FHIR dateTime: `YYYY-MM-DD` or an instant with its offset, e.g. `2026-03-02T08:15:00+01:00`. */
  readonly effectiveDateTime: string;
  /** Optional resource id, e.g. the stored response id (FHIR ids: [A-Za-z0-9\-.]{1,64}). */
  readonly id?: string;
  /** STarT Back only: exported as components. */
  readonly startBack?: { readonly psychosocial: number; readonly risk: StartBackRisk };
}

/**
 * One Observation for a score; `patientReference` is the caller's, e.g. `Patient/123`, and
 * `localSystem` the URL of hipwise's own code system (`localCodeSystem`).
 */
export function measureObservation(
  patientReference: string,
  input: MeasureObservationInput,
  localSystem: string,
): Observation {
  return observation(patientReference, totalCoding(input.instrumentId, localSystem), input);
}

function observation(patientReference: string, coding: Coding, input: MeasureObservationInput): Observation {
  const component: ObservationComponent[] | undefined =
    input.instrumentId === 'start_back' && input.startBack
      ? [
          {
            code: { coding: [{ system: LOINC, code: '91350-9', display: 'Distress subscore [STarT Back]' }] },
            valueQuantity: score(input.startBack.psychosocial),
          },
          {
            code: {
              coding: [{ system: LOINC, code: '91352-5', display: 'STarT Back Screening risk level' }],
            },
            valueCodeableConcept: { coding: [RISK_ANSWERS[input.startBack.risk]] },
          },
        ]
      : undefined;
  return {
    resourceType: 'Observation',
    ...(input.id === undefined ? {} : { id: input.id }),
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [coding], text: coding.display },
    subject: { reference: patientReference },
    effectiveDateTime: input.effectiveDateTime,
    valueQuantity: score(input.total),
    ...(component ? { component } : {}),
  };
}

/** Pain intensity 0-10 (e.g. from a daily check-in) as LOINC 72514-3. */
export function painObservation(
  patientReference: string,
  pain: number,
  effectiveDateTime: string,
  id?: string,
): Observation {
  return observation(patientReference, LOINC_CODES.pain_nrs, {
    instrumentId: 'pain_nrs',
    total: pain,
    effectiveDateTime,
    ...(id === undefined ? {} : { id }),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A `collection` Bundle. Entries whose id is a UUID get `fullUrl: urn:uuid:<id>` (FHIR requires an
 * absolute URL there; core makes no ids of its own, having no randomness).
 */
export function observationBundle(observations: readonly Observation[], timestamp?: string): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    ...(timestamp === undefined ? {} : { timestamp }),
    entry: observations.map((resource) =>
      resource.id !== undefined && UUID.test(resource.id)
        ? { fullUrl: `urn:uuid:${resource.id}`, resource }
        : { resource },
    ),
  };
}
