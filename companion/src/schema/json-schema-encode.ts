import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SchemaMismatch } from './schema-encode';

/**
 * JSON Schema produce: the value is checked with Ajv (drafts 7, 2019-09 and 2020-12, by the
 * schema's `$schema`), then written as JSON text, as Confluent's JSON Schema serializer writes it.
 * `format` is asserted for the formats ajv-formats knows (date-time, email, uuid, uri, ipv4...),
 * as Confluent's Java serializer asserts them: a QA event that a strict consumer would refuse is
 * better refused here, with its field. A format it does not know is left as annotation.
 */
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schema: string): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const parsed = JSON.parse(schema) as { $schema?: string };
    // logger: false, so an unknown format is ignored without a console warning.
    const options = { strict: false, allErrors: false, logger: false as const };
    const ajv = /2020-12/.test(parsed.$schema ?? '') ? new Ajv2020(options) : /2019-09/.test(parsed.$schema ?? '') ? new Ajv2019(options) : new Ajv(options);
    addFormats(ajv);
    validate = ajv.compile(parsed);
    // Registered schemas are immutable; a few hundred compiled ones are plenty for one session.
    if (compiled.size >= 256) compiled.delete(compiled.keys().next().value!);
    compiled.set(schema, validate);
  }
  return validate;
}

/** `/lines/0/sku` to `lines[0].sku`. */
const pathText = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');

export function encodeJsonSchema(schema: string, value: unknown): Buffer {
  const validate = validatorFor(schema);
  if (!validate(value)) {
    const error = validate.errors?.[0];
    let path = pathText(error?.instancePath ?? '');
    // A missing required property is reported on its parent; point at the property itself.
    const missing = (error?.params as { missingProperty?: string } | undefined)?.missingProperty;
    if (missing) path = path ? `${path}.${missing}` : missing;
    throw new SchemaMismatch(path, error?.message ?? 'does not match the schema');
  }
  return Buffer.from(JSON.stringify(value), 'utf8');
}
