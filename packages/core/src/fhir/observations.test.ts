import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  localCodeSystem,
  measureObservation as measureObservationIn,
  observationBundle,
  painObservation,
  type MeasureObservationInput,
  type Observation,
} from './observations.js';
import type { ValidateFunction } from 'ajv';
import { anyFhirResourceValidator, FHIR_SCHEMA_ID, fhirValidator } from '../testing/fhir-schema.js';

const PUBLIC_URL = 'https://back.example-clinic.org/hipwise';
const LOCAL = 'https://back.example-clinic.org/hipwise/fhir/CodeSystem/measures';
const measureObservation = (patient: string, input: MeasureObservationInput) =>
  measureObservationIn(patient, input, localCodeSystem(PUBLIC_URL));

const validateObservation = fhirValidator('Observation');
const validateBundle = fhirValidator('Bundle');
const validateAnyResource = anyFhirResourceValidator();

function assertValid(validate: ValidateFunction, resource: unknown): void {
  const ok = validate(resource);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

const PATIENT = 'Patient/8f0c2b1e-3a4d-4c5e-9f60-718293a4b5c6';

test('the schema is the FHIR R4 one', () => {
  assert.equal(FHIR_SCHEMA_ID, 'http://hl7.org/fhir/json-schema/4.0');
});

test('pain intensity is LOINC 72514-3 with a {score} quantity, final, for the given patient', () => {
  const obs = painObservation(PATIENT, 6, '2026-03-02T08:15:00+01:00', 'pain-2026-03-02');
  assertValid(validateObservation, obs);
  assertValid(validateAnyResource, obs);
  assert.equal(obs.status, 'final');
  assert.deepEqual(obs.code.coding[0], {
    system: 'http://loinc.org',
    code: '72514-3',
    display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
  });
  assert.deepEqual(obs.valueQuantity, {
    value: 6,
    unit: '{score}',
    system: 'http://unitsofmeasure.org',
    code: '{score}',
  });
  assert.deepEqual(obs.subject, { reference: PATIENT });
  assert.equal(obs.category[0]?.coding[0]?.code, 'survey');
});

test('every questionnaire total validates, with LOINC where it exists and local codes elsewhere', () => {
  const cases: [Observation, string, string][] = [
    [
      measureObservation(PATIENT, { instrumentId: 'peg', total: 4.3, effectiveDateTime: '2026-03-02' }),
      'http://loinc.org',
      '91147-9',
    ],
    [
      measureObservation(PATIENT, { instrumentId: 'rmdq', total: 12, effectiveDateTime: '2026-03-02' }),
      LOCAL,
      'rmdq-24-total',
    ],
    [
      measureObservation(PATIENT, { instrumentId: 'pss4', total: 7, effectiveDateTime: '2026-03-02' }),
      LOCAL,
      'pss-4-total',
    ],
    [
      measureObservation(PATIENT, { instrumentId: 'pss10', total: 17, effectiveDateTime: '2026-03-02' }),
      'http://loinc.org',
      '106860-0',
    ],
    [
      measureObservation(PATIENT, {
        instrumentId: 'start_back',
        total: 5,
        effectiveDateTime: '2026-03-02T09:00:00Z',
        startBack: { psychosocial: 4, risk: 'high' },
      }),
      'http://loinc.org',
      '91351-7',
    ],
  ];
  for (const [obs, system, code] of cases) {
    assertValid(validateObservation, obs);
    assert.equal(obs.code.coding[0]?.system, system);
    assert.equal(obs.code.coding[0]?.code, code);
    assert.equal(obs.status, 'final');
  }
  const sb = cases[4]?.[0];
  assert.deepEqual(
    sb?.component?.map((c) => [
      c.code.coding[0]?.code,
      c.valueQuantity?.value ?? c.valueCodeableConcept?.coding[0]?.code,
    ]),
    [
      ['91350-9', 4],
      ['91352-5', 'LA9193-9'],
    ],
  );
});

test('the local code system lives under the configured public URL, with or without a trailing slash', () => {
  assert.equal(localCodeSystem('http://127.0.0.1:8080'), 'http://127.0.0.1:8080/fhir/CodeSystem/measures');
  assert.equal(localCodeSystem(`${PUBLIC_URL}/`), LOCAL);
});

test('STarT Back risk levels use LOINC answer list LL3578-3 of 91352-5', () => {
  const risk = (r: 'low' | 'medium' | 'high') =>
    measureObservation(PATIENT, {
      instrumentId: 'start_back',
      total: 5,
      effectiveDateTime: '2026-03-02',
      startBack: { psychosocial: 2, risk: r },
    }).component?.[1]?.valueCodeableConcept?.coding[0];
  assert.deepEqual(risk('low'), { system: 'http://loinc.org', code: 'LA9194-7', display: 'Low' });
  assert.deepEqual(risk('medium'), { system: 'http://loinc.org', code: 'LA8982-6', display: 'Medium' });
  assert.deepEqual(risk('high'), { system: 'http://loinc.org', code: 'LA9193-9', display: 'High' });
});

test('a collection Bundle of observations validates against the R4 schema', () => {
  const bundle = observationBundle(
    [
      painObservation(PATIENT, 5, '2026-03-02', '0d6f7c1a-1b2c-4d3e-8f40-5a6b7c8d9e0f'),
      measureObservation(PATIENT, {
        instrumentId: 'rmdq',
        total: 9,
        effectiveDateTime: '2026-03-02',
        id: 'rmdq-1',
      }),
    ],
    '2026-03-03T10:00:00Z',
  );
  assertValid(validateBundle, bundle);
  assertValid(validateAnyResource, bundle);
  assert.equal(bundle.type, 'collection');
  assert.equal(bundle.entry[0]?.fullUrl, 'urn:uuid:0d6f7c1a-1b2c-4d3e-8f40-5a6b7c8d9e0f');
  assert.equal(bundle.entry[1]?.fullUrl, undefined);
});

test('the schema check does catch broken resources', () => {
  const good = painObservation(PATIENT, 5, '2026-03-02');
  assert.equal(validateObservation({ ...good, status: 'done' }), false);
  assert.equal(validateObservation({ ...good, effectiveDateTime: '02/03/2026' }), false);
  assert.equal(
    validateObservation({ ...good, valueQuantity: { ...good.valueQuantity, value: 'five' } }),
    false,
  );
  assert.equal(validateObservation({ ...good, painScore: 5 }), false);
  const { code: _code, ...noCode } = good;
  assert.equal(validateObservation(noCode), false);
  assert.equal(validateBundle({ resourceType: 'Bundle', type: 'pile', entry: [] }), false);
});
