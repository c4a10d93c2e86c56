import { encodeAvro } from './avro-encode';
import { encodeJsonSchema } from './json-schema-encode';
import { encodeProtobuf } from './protobuf-encode';
import type { SchemaEncoders } from './schema-encode';
import { wireFormat } from './wire-header';

/** The schema types the companion can produce with, by the registry's type name. */
export const schemaEncoders: SchemaEncoders = {
  AVRO: async (value, schema) => wireFormat(schema.id, encodeAvro(schema.schema, value)),
  JSON: async (value, schema) => wireFormat(schema.id, encodeJsonSchema(schema.schema, value)),
  PROTOBUF: async (value, schema, registry, { messageType }) => {
    const { indexes, payload } = await encodeProtobuf(schema, value, registry, messageType);
    return wireFormat(schema.id, payload, indexes);
  },
};
