import { z } from 'zod';

/**
 * How the companion decoded a record's key or value beyond plain bytes (issue 11). The raw form
 * (`text`, `json` or `binary`) always stays on EncodedData, so old clients and produce-again keep
 * working; `decoded` rides beside it.
 *
 * Decoders a client may force per topic for the key and the value (`tailStart.decoders`):
 * - auto: Confluent wire format through the registry or a local schema when one fits, else plain;
 * - schema-registry: Confluent wire format (magic byte 0, 4-byte schema id) through the registry;
 * - local-schema: the schema file bound to the topic in the companion's config;
 * - utf8, json, msgpack, cbor: the bytes as that encoding;
 * - int32, int64, double: a big-endian number (common for keys);
 * - uuid: 16 bytes as a UUID;
 * - protobuf-raw: Protobuf without a schema, field numbers and wire types like `protoc --decode_raw`;
 * - hex: the bytes in hexadecimal;
 * - none: no decoding at all (the plain form only).
 */
export const DECODER_NAMES = ['auto', 'schema-registry', 'local-schema', 'utf8', 'json', 'msgpack', 'cbor', 'int32', 'int64', 'double', 'uuid', 'protobuf-raw', 'hex', 'none'] as const;
export const DecoderNameSchema = z.enum(DECODER_NAMES);
export type DecoderName = z.infer<typeof DecoderNameSchema>;

/**
 * Formats a decoded key or value can be in: the schema formats and the plain decoders' names;
 * `schema-registry` is the Confluent wire format whose schema could not be had (`error` says why).
 */
export const DECODED_FORMATS = ['avro', 'protobuf', 'json-schema', 'schema-registry', 'utf8', 'json', 'msgpack', 'cbor', 'int32', 'int64', 'double', 'uuid', 'protobuf-raw', 'hex'] as const;
export const DecodedFormatSchema = z.enum(DECODED_FORMATS);
export type DecodedFormat = z.infer<typeof DecodedFormatSchema>;

/** A forced decoder for the key and/or the value of one tail; absent parts are `auto`. */
export const ForcedDecodersSchema = z.strictObject({ key: DecoderNameSchema.optional(), value: DecoderNameSchema.optional() });
export type ForcedDecoders = z.infer<typeof ForcedDecodersSchema>;

/**
 * The decoded form. `text` is JSON for structured formats (Avro, Protobuf, JSON Schema, MessagePack,
 * CBOR, protobuf-raw) with 64-bit integers and decimals as strings, never rounded; for utf8 and hex
 * it is the text itself. When decoding failed, `error` says why (never a secret) and `text` is absent:
 * the raw form beside it is what there is. `schemaId`, `subject` and `version` name the registry
 * schema; `schema` names a local schema file; `type` the Avro record or Protobuf message name.
 */
export const DecodedSchema = z.object({
  format: DecodedFormatSchema,
  text: z.string().optional(),
  /** The text was cut at the preview size (the raw form's `truncated` says the same of the bytes). */
  truncated: z.boolean().optional(),
  schemaId: z.number().int().min(0).optional(),
  subject: z.string().optional(),
  version: z.number().int().min(1).optional(),
  schema: z.string().optional(),
  type: z.string().optional(),
  error: z.string().optional(),
});
export type Decoded = z.infer<typeof DecodedSchema>;
