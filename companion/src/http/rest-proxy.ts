import type { OutgoingData, OutgoingRecord, PartitionDetail, TopicDetail } from '@kafka-inspector/shared';
import { z } from 'zod';
import { RestError } from './rest-errors';
import type { ProducedRecord } from '../kafka/gateway';

/**
 * Confluent REST Proxy v2 as pure functions: which body formats a POST may use, the produce body
 * turned into the protocol's outgoing records, and Kafka metadata in REST Proxy's shapes. The
 * routes only glue these to the session's policy and the gateway.
 */
export type EmbeddedFormat = 'json' | 'binary';

/** REST Proxy's reply type; clients that send `Accept: application/vnd.kafka.v2+json` get it. */
export const REST_PROXY_V2 = 'application/vnd.kafka.v2+json';

const FORMATS: Record<string, EmbeddedFormat> = {
  'application/vnd.kafka.json.v2+json': 'json',
  'application/vnd.kafka.binary.v2+json': 'binary',
  'application/vnd.kafka.json.v1+json': 'json',
  'application/vnd.kafka.binary.v1+json': 'binary',
  'application/json': 'json',
};

/** The media type without parameters, lower-cased; '' when absent. */
export const mediaType = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The embedded format of a produce body, or null for any other type. This is also the CSRF guard:
 * a form or a `text/plain` fetch (the types a page may send cross-site without a preflight) is
 * never one of these.
 */
export function produceFormat(contentType: string | undefined): EmbeddedFormat | null {
  return FORMATS[mediaType(contentType)] ?? null;
}

const HeaderSchema = z.strictObject({ name: z.string().min(1).max(1000), value: z.string().nullable() });

const RecordSchema = z.strictObject({
  key: z.unknown().optional(),
  value: z.unknown().optional(),
  partition: z.number().int().min(0).max(1_000_000).optional(),
  /** REST Proxy v3's record headers: `{ name, value }` with the value base64-encoded. */
  headers: z.array(HeaderSchema).max(1000).optional(),
});

const ProduceBodySchema = z.strictObject({
  records: z.array(RecordSchema).min(1, 'records must not be empty').max(100_000),
  key_schema: z.unknown().optional(),
  key_schema_id: z.unknown().optional(),
  value_schema: z.unknown().optional(),
  value_schema_id: z.unknown().optional(),
});

/** JSON text to a value; invalid JSON is REST Proxy's 400 (its JSON parser's answer). */
export function parseJsonBody(body: Buffer | string | undefined): unknown {
  const text = body === undefined ? '' : body.toString();
  if (text.trim() === '') throw new RestError(400, 400, 'BAD_FRAME', 'the request body is empty; expected JSON');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RestError(400, 400, 'BAD_FRAME', `the request body is not JSON: ${(error as Error).message}`);
  }
}

/**
 * A v2 produce body to outgoing records. `partition` (the partition route) overrides each
 * record's own. JSON format: key and value are any JSON and are produced as their JSON text (as
 * REST Proxy's JSON serializer does: the string "a" becomes `"a"`); binary format: base64
 * strings. A missing or null value is a tombstone.
 */
export function toOutgoingRecords(json: unknown, format: EmbeddedFormat, partition?: number): OutgoingRecord[] {
  const parsed = ProduceBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RestError(422, 422, 'BAD_FRAME', `${issue.path.join('.') || 'body'}: ${issue.message}`, { issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  const body = parsed.data;
  for (const field of ['key_schema', 'key_schema_id', 'value_schema', 'value_schema_id'] as const) {
    if (body[field] !== undefined && body[field] !== null) {
      throw new RestError(422, field.startsWith('key') ? 42201 : 42202, 'BAD_FRAME', `${field}: the REST bridge does not encode with schemas (Avro, Protobuf, JSON Schema); use the json or binary format here, or the WebSocket produce, whose keys and values may name a registered schema`);
    }
  }
  return body.records.map((record, index) => {
    const data = (field: 'key' | 'value'): OutgoingData | null => {
      const value = record[field];
      if (value === undefined || value === null) return null;
      if (format === 'json') return { encoding: 'json', text: JSON.stringify(value) };
      if (typeof value !== 'string') throw conversion(`records.${index}.${field}: the binary format takes a base64 string`);
      return { encoding: 'binary', base64: value };
    };
    const target = partition ?? record.partition;
    const out: OutgoingRecord = { key: data('key'), value: data('value') };
    if (target !== undefined) out.partition = target;
    if (record.headers) out.headers = record.headers.map((h) => ({ key: h.name, value: h.value === null ? null : { encoding: 'binary', base64: h.value } }));
    return out;
  });
}

/** REST Proxy's 42203: the JSON was fine but could not become Kafka bytes. */
export const conversion = (message: string) => new RestError(422, 42203, 'BAD_FRAME', `Conversion of JSON to Object failed: ${message}`);

/** 64-bit offsets as JSON numbers without passing through a double (REST Proxy sends longs). */
const long = (value: string) => (/^-?\d{1,19}$/.test(value) ? value : JSON.stringify(value));

/** Ours that Kafka may get right if asked again; REST Proxy calls those "retriable". */
const RETRIABLE: ReadonlySet<string> = new Set(['KAFKA_UNAVAILABLE', 'TIMEOUT']);

/**
 * The v2 produce reply. A record whose partition's send failed (others were written) has a null
 * offset and REST Proxy's per-record `error_code`: 2 when sending it again may work, 1 when not.
 */
export function produceReply(results: ProducedRecord[]): string {
  const offsets = results.map((r) =>
    'error' in r
      ? `{"partition":${r.partition},"offset":null,"error_code":${RETRIABLE.has(r.error.code) ? 2 : 1},"error":${JSON.stringify(r.error.message)}}`
      : `{"partition":${r.partition},"offset":${long(r.offset)},"error_code":null,"error":null}`,
  );
  return `{"offsets":[${offsets.join(',')}],"key_schema_id":null,"value_schema_id":null}`;
}

export function partitionV2(p: PartitionDetail) {
  return { partition: p.partition, leader: p.leader, replicas: p.replicas.map((broker) => ({ broker, leader: broker === p.leader, in_sync: p.isr.includes(broker) })) };
}

/** GET /topics/{topic}: name, configs as a name-to-value map (empty when the broker cannot describe them), partitions. */
export function topicV2(detail: TopicDetail) {
  const configs = Object.fromEntries((detail.configs ?? []).filter((c) => c.value !== null).map((c) => [c.name, c.value]));
  return { name: detail.name, configs, partitions: detail.partitions.map(partitionV2) };
}

export function offsetsV2(p: PartitionDetail): string {
  return `{"beginning_offset":${long(p.low)},"end_offset":${long(p.high)}}`;
}

/** A partition path segment; anything but a small non-negative integer is a partition that does not exist. */
export function parsePartitionParam(value: string, topic: string): number {
  if (!/^\d{1,7}$/.test(value)) throw new RestError(404, 40402, 'NOT_FOUND', `topic ${topic} has no partition ${value.slice(0, 50)}`);
  return Number(value);
}
