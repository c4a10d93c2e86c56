import { encodeAvro } from './avro-encode';
import { encodeJsonSchema } from './json-schema-encode';
import type { SchemaEncoders } from './schema-encode';
import { wireFormat } from './wire-header';

/** The schema types the companion can produce with, by the registry's type name. */
export const schemaEncoders: SchemaEncoders = {
  AVRO: async (value, schema) => wireFormat(schema.id, encodeAvro(schema.schema, value)),
  JSON: async (value, schema) => wireFormat(schema.id, encodeJsonSchema(schema.schema, value)),
};
