import { z } from 'zod';
import { DecodedSchema } from './decoding';
import { Int64StringSchema, NonNegativeInt64StringSchema, PartitionSchema, TopicNameSchema } from './primitives';
import { SchemaRefSchema } from './schema-requests';

/**
 * Bytes as the server decoded them, so the UI never guesses twice and binary survives the trip:
 * `text` is valid UTF-8, `json` is UTF-8 that parses as JSON, `binary` is anything else (base64).
 * `size` is the original byte length; `truncated` means only the first bytes were sent.
 * `decoded` is the key or value decoded (Avro, Protobuf, ...: shared/src/decoding.ts), beside the raw form.
 */
export const EncodedDataSchema = z.discriminatedUnion('encoding', [
  z.object({
    encoding: z.literal('text'),
    text: z.string(),
    size: z.number().int().min(0),
    truncated: z.boolean().optional(),
    decoded: DecodedSchema.optional(),
  }),
  z.object({
    encoding: z.literal('json'),
    text: z.string(),
    size: z.number().int().min(0),
    truncated: z.boolean().optional(),
    decoded: DecodedSchema.optional(),
  }),
  z.object({
    encoding: z.literal('binary'),
    base64: z.string(),
    size: z.number().int().min(0),
    truncated: z.boolean().optional(),
    decoded: DecodedSchema.optional(),
  }),
]);
export type EncodedData = z.infer<typeof EncodedDataSchema>;

export const WireHeaderSchema = z.object({
  key: z.string(),
  value: EncodedDataSchema.nullable(),
});
export type WireHeader = z.infer<typeof WireHeaderSchema>;

/** A Kafka record as it crosses the wire. Headers are a list: Kafka allows repeated keys. */
export const WireRecordSchema = z.object({
  topic: TopicNameSchema,
  partition: PartitionSchema,
  offset: Int64StringSchema,
  /** Milliseconds since the epoch, as a decimal string. */
  timestamp: Int64StringSchema,
  /**
   * Whose clock `timestamp` is: the producer's (CreateTime) or the broker's when it appended the
   * record (LogAppendTime, a topic's `message.timestamp.type`). Left out when unknown.
   */
  timestampType: z.enum(['CreateTime', 'LogAppendTime']).optional(),
  key: EncodedDataSchema.nullable(),
  /** null is a tombstone. */
  value: EncodedDataSchema.nullable(),
  headers: z.array(WireHeaderSchema),
  /** Key + value + header bytes as stored in Kafka. */
  size: z.number().int().min(0),
  /**
   * Set when the record was over one of the companion's decoding caps: what it really holds.
   * `headers`/`headerBytes`: only the first headers were read (the rest are not in `headers`);
   * `keyBytes`/`valueBytes`: the key or value was longer than the companion reads for a preview.
   */
  capped: z
    .object({
      headers: z.number().int().min(0).optional(),
      headerBytes: z.number().int().min(0).optional(),
      keyBytes: z.number().int().min(0).optional(),
      valueBytes: z.number().int().min(0).optional(),
    })
    .optional(),
});
export type WireRecord = z.infer<typeof WireRecordSchema>;

/**
 * What EncodedData may carry back when a tailed record is produced again as is: `size` is then
 * checked against the bytes sent, and a truncated preview (`truncated: true`) is refused, so a
 * shortened value never lands in a topic.
 */
const echoed = {
  size: z.number().int().min(0).optional(),
  truncated: z.literal(false, 'a truncated preview cannot be produced: send the whole value').optional(),
  /** The decoded form of a tailed record, echoed back: ignored, the raw form beside it is what is produced. */
  decoded: DecodedSchema.optional(),
};

/**
 * Bytes a client sends to produce. Mirrors EncodedData, so a tailed record can be produced again as
 * is. `json` must parse as JSON and is sent as the given text. Client input is strict at every
 * level: an unknown field is refused (BAD_FRAME), never ignored.
 */
const outgoingText = z.strictObject({ encoding: z.literal('text'), text: z.string(), ...echoed });
const outgoingJson = z.strictObject({ encoding: z.literal('json'), text: z.string(), ...echoed });
const outgoingBinary = z.strictObject({ encoding: z.literal('binary'), base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'), ...echoed });
export const OutgoingDataSchema = z.discriminatedUnion('encoding', [outgoingText, outgoingJson, outgoingBinary]);
export type OutgoingData = z.infer<typeof OutgoingDataSchema>;

/**
 * A key or value may also be JSON text to encode with a registered schema (Confluent wire format:
 * magic byte, schema id, payload); the companion validates it first. Header values cannot.
 */
export const OutgoingKeyValueSchema = z.discriminatedUnion('encoding', [outgoingText, outgoingJson.extend({ schema: SchemaRefSchema.optional() }), outgoingBinary]);
export type OutgoingKeyValue = z.infer<typeof OutgoingKeyValueSchema>;

export const OutgoingRecordSchema = z.strictObject({
  /** Omitted: the producer's partitioner chooses (by key hash when a key is set). */
  partition: PartitionSchema.optional(),
  key: OutgoingKeyValueSchema.nullable().optional(),
  /** null produces a tombstone. */
  value: OutgoingKeyValueSchema.nullable(),
  headers: z.array(z.strictObject({ key: z.string().min(1).max(1000), value: OutgoingDataSchema.nullable() })).max(1000).optional(),
  /** Milliseconds since the epoch, 0 or more (Kafka refuses negative times); omitted means now. */
  timestamp: NonNegativeInt64StringSchema.optional(),
});
export type OutgoingRecord = z.infer<typeof OutgoingRecordSchema>;
