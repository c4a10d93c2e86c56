import { z } from 'zod';
import { Int64StringSchema, PartitionSchema, TopicNameSchema } from './primitives';

/**
 * Bytes as the server decoded them, so the UI never guesses twice and binary survives the trip:
 * `text` is valid UTF-8, `json` is UTF-8 that parses as JSON, `binary` is anything else (base64).
 * `size` is the original byte length; `truncated` means only the first bytes were sent.
 */
export const EncodedDataSchema = z.discriminatedUnion('encoding', [
  z.object({
    encoding: z.literal('text'),
    text: z.string(),
    size: z.number().int().min(0),
    truncated: z.boolean().optional(),
  }),
  z.object({
    encoding: z.literal('json'),
    text: z.string(),
    size: z.number().int().min(0),
    truncated: z.boolean().optional(),
  }),
  z.object({
    encoding: z.literal('binary'),
    base64: z.string(),
    size: z.number().int().min(0),
    truncated: z.boolean().optional(),
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
  key: EncodedDataSchema.nullable(),
  /** null is a tombstone. */
  value: EncodedDataSchema.nullable(),
  headers: z.array(WireHeaderSchema),
  /** Key + value + header bytes as stored in Kafka. */
  size: z.number().int().min(0),
});
export type WireRecord = z.infer<typeof WireRecordSchema>;

/**
 * Bytes a client sends to produce. Mirrors EncodedData, so a tailed record can be produced again as is.
 * `json` must parse as JSON and is sent as the given text.
 */
export const OutgoingDataSchema = z.discriminatedUnion('encoding', [
  z.object({ encoding: z.literal('text'), text: z.string() }),
  z.object({ encoding: z.literal('json'), text: z.string() }),
  z.object({ encoding: z.literal('binary'), base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64') }),
]);
export type OutgoingData = z.infer<typeof OutgoingDataSchema>;

export const OutgoingRecordSchema = z.object({
  /** Omitted: the producer's partitioner chooses (by key hash when a key is set). */
  partition: PartitionSchema.optional(),
  key: OutgoingDataSchema.nullable().optional(),
  /** null produces a tombstone. */
  value: OutgoingDataSchema.nullable(),
  headers: z.array(z.object({ key: z.string().min(1).max(1000), value: OutgoingDataSchema.nullable() })).max(1000).optional(),
  /** Milliseconds since the epoch; omitted means now. */
  timestamp: Int64StringSchema.optional(),
});
export type OutgoingRecord = z.infer<typeof OutgoingRecordSchema>;
