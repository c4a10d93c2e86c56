import type { OutgoingKeyValue, OutgoingRecord, SchemaRef, SchemaType } from '@kafka-inspector/shared';
import { RequestError } from '../session/wire-error';
import { UnknownMessageType } from './protobuf-encode';
import { type RegistryLookup, type RegistryReads, type RegisteredSchema, schemaFor } from './schema-handlers';

/** JSON that does not fit its schema: `path` is the field (`lines[0].sku`), '' for the whole value. */
export class SchemaMismatch extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'SchemaMismatch';
  }
}

/**
 * Encodes one parsed JSON value with a registered schema to Confluent's wire format (magic byte,
 * schema id, payload), or throws SchemaMismatch. One per schema type; the registry serves
 * referenced schemas (Protobuf imports).
 */
export type SchemaEncoder = (value: unknown, schema: RegisteredSchema & { id: number; version: number; subject: string }, registry: RegistryReads, target: EncodeTarget) => Promise<Buffer>;

/** Where the bytes go, and (Protobuf) which of the file's messages the JSON is. */
export interface EncodeTarget {
  topic: string;
  part: 'key' | 'value';
  messageType?: string;
}

export type SchemaEncoders = Partial<Record<SchemaType, SchemaEncoder>>;

const hasSchema = (data: OutgoingKeyValue | null | undefined): data is Extract<OutgoingKeyValue, { encoding: 'json' }> & { schema: SchemaRef } => data?.encoding === 'json' && data.schema !== undefined;

/** True when any key or value of the produce names a schema (only then is a registry needed). */
export const needsSchemas = (records: OutgoingRecord[]) => records.some((r) => hasSchema(r.key) || hasSchema(r.value));

/**
 * Replaces every key and value that names a schema with its encoded bytes (as `binary`), so the
 * plain produce path (size checks, batching) handles the rest. Records without a schema pass as
 * they are. The first value that does not fit stops everything: nothing is sent.
 */
export async function encodeWithSchemas(records: OutgoingRecord[], topic: string, cluster: string | undefined, lookup: RegistryLookup, encoders: SchemaEncoders): Promise<OutgoingRecord[]> {
  if (!needsSchemas(records)) return records;
  const registry = lookup(cluster);
  const encodePart = async (data: OutgoingKeyValue | null | undefined, index: number, part: 'key' | 'value'): Promise<OutgoingKeyValue | null | undefined> => {
    if (!hasSchema(data)) return data;
    if (data.size !== undefined || data.truncated !== undefined) throw new RequestError('BAD_FRAME', `record ${index} ${part}: size and truncated describe raw bytes; leave them out when a schema encodes the JSON`, { index, field: part });
    const schema = await schemaFor(registry, data.schema.subject, data.schema.version);
    const type = (schema.schemaType ?? 'AVRO').toUpperCase() as SchemaType;
    const encoder = encoders[type];
    if (!encoder) throw new RequestError('BAD_FRAME', `record ${index} ${part}: producing with a ${type} schema is not supported`, { index, field: part, subject: schema.subject });
    const where = { index, field: part, subject: schema.subject, version: schema.version };
    const { messageType } = data.schema;
    if (messageType !== undefined && type !== 'PROTOBUF') throw new RequestError('BAD_FRAME', `record ${index} ${part}: messageType names a Protobuf message, and ${schema.subject} v${schema.version} is ${type}`, where);
    let value: unknown;
    try {
      value = JSON.parse(data.text);
    } catch (error) {
      throw new RequestError('SCHEMA_INVALID', `record ${index} ${part} is not JSON: ${(error as Error).message}`, { ...where, path: '' });
    }
    try {
      const bytes = await encoder(value, schema, registry, { topic, part, ...(messageType === undefined ? {} : { messageType }) });
      return { encoding: 'binary', base64: bytes.toString('base64') };
    } catch (error) {
      if (error instanceof UnknownMessageType) throw new RequestError('NOT_FOUND', `record ${index} ${part}: ${schema.subject} v${schema.version} ${error.message}`, { ...where, messageType });
      if (error instanceof SchemaMismatch) {
        const at = error.path ? `${error.path}: ` : '';
        throw new RequestError('SCHEMA_INVALID', `record ${index} ${part} does not fit ${schema.subject} v${schema.version} (${type}): ${at}${error.message}`, { ...where, path: error.path });
      }
      throw error;
    }
  };
  const out: OutgoingRecord[] = [];
  for (const [index, record] of records.entries()) {
    const key = await encodePart(record.key, index, 'key');
    const value = await encodePart(record.value, index, 'value');
    out.push({ ...record, ...(key === undefined ? {} : { key }), value: value ?? null });
  }
  return out;
}
