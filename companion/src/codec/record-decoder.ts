import type { DecoderName, EncodedData, WireRecord } from '@kafka-inspector/shared';
import type { RawRecord } from '../kafka/gateway';
import { schemaCacheFor } from '../schema/schema-cache';
import { toWireRecord } from './decode';
import { type PartOutcome, PartDecoder } from './part-decoder';
import { utf8PrefixLength } from './utf8';

/** TLS for the registry's HTTPS: PEM contents (not paths), so the settings can cross to a worker. */
export interface RegistryTlsSettings {
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized?: boolean;
}

/** A cluster profile's Schema Registry. The password is resolved here and never leaves the companion. */
export interface RegistrySettings {
  url: string;
  username?: string;
  password?: string;
  tls?: RegistryTlsSettings;
}

/** A schema file from the config bound to a topic's key or value, with its contents read at start. */
export interface LocalSchemaSettings {
  /** The file's path, as the decoded record names it (`schema`). */
  file: string;
  format: 'avro' | 'protobuf' | 'json-schema';
  /** The file's text. */
  contents: string;
  /** Protobuf: the message to decode with (full name); default the file's first message. */
  messageType?: string;
  /** Protobuf: imported files' contents by the import path they are imported as. */
  imports?: Record<string, string>;
}

/** Per topic: a local schema and/or a forced decoder, for the key and the value apart. */
export interface TopicDecoderSettings {
  key?: { schema?: LocalSchemaSettings; decoder?: DecoderName };
  value?: { schema?: LocalSchemaSettings; decoder?: DecoderName };
}

/**
 * Everything a record decoder needs, structured-clonable (plain data: no functions, Buffers or
 * sockets) so a worker thread can build its own decoder from it.
 */
export interface RecordDecoderSettings {
  registry?: RegistrySettings;
  /** By topic name. */
  topics?: Record<string, TopicDecoderSettings>;
}

export interface RecordDecoder {
  /** Fetches the unknown schemas a batch needs (bounded, cached by id, O(schemas) not O(records)); never throws. */
  prepare(records: RawRecord[]): Promise<void>;
  /** Synchronous after prepare. */
  toWire(record: RawRecord, maxValueBytes: number): WireRecord;
  /** Decoded value for filters (JSON-like), or undefined to let the filter use the raw bytes. */
  valueForFilter(record: RawRecord): unknown;
  /** False when `valueForFilter` is always undefined: filters then see only the records' bytes. */
  readonly decodesValues: boolean;
}

/** Today's plain behaviour: text, JSON or base64, nothing to fetch, filters read the bytes. */
const plainDecoder: RecordDecoder = {
  prepare: async () => {},
  toWire: (record, maxValueBytes) => toWireRecord(record, maxValueBytes),
  valueForFilter: () => undefined,
  decodesValues: false,
};

/**
 * The decoder of one topic's records under a cluster profile's settings: the plain one when no
 * registry, local schema or forced decoder applies (nothing to look up, nothing added per record).
 */
export function createRecordDecoder(settings: RecordDecoderSettings | undefined, topic: string): RecordDecoder {
  const own = settings?.topics?.[topic];
  if (!settings || (!settings.registry && !own?.key && !own?.value)) return plainDecoder;
  const cache = settings.registry ? schemaCacheFor(settings.registry) : undefined;
  const key = new PartDecoder('key', topic, own?.key?.schema, own?.key?.decoder, cache);
  const value = new PartDecoder('value', topic, own?.value?.schema, own?.value?.decoder, cache);
  return new SchemaRecordDecoder(key, value, cache);
}

/**
 * Keys and values through their part decoders, the raw form kept beside the decoded one. A record's
 * value is decoded once for both the filter and the wire: the last outcome is kept.
 */
class SchemaRecordDecoder implements RecordDecoder {
  readonly decodesValues = true;
  private lastRecord: RawRecord | null = null;
  private lastValue: PartOutcome | null = null;

  constructor(
    private readonly key: PartDecoder,
    private readonly value: PartDecoder,
    private readonly cache: ReturnType<typeof schemaCacheFor> | undefined,
  ) {}

  async prepare(records: RawRecord[]): Promise<void> {
    if (!this.cache) return;
    const ids = new Set<number>();
    for (const record of records) {
      const k = record.key && this.key.schemaIdOf(record.key);
      if (typeof k === 'number') ids.add(k);
      const v = record.value && this.value.schemaIdOf(record.value);
      if (typeof v === 'number') ids.add(v);
    }
    if (ids.size === 0) return;
    try {
      await this.cache.ensure(ids);
    } catch {
      // ensure never throws; a bug there must not end a tail: records show raw with a reason.
    }
  }

  toWire(record: RawRecord, maxValueBytes: number): WireRecord {
    const wire = toWireRecord(record, maxValueBytes);
    if (record.key && wire.key) attach(wire.key, this.key.decode(record.key), maxValueBytes);
    if (record.value && wire.value) attach(wire.value, this.valueOutcome(record), maxValueBytes);
    return wire;
  }

  valueForFilter(record: RawRecord): unknown {
    const outcome = this.valueOutcome(record);
    return outcome?.ok ? outcome.value : undefined;
  }

  private valueOutcome(record: RawRecord): PartOutcome | null {
    if (record !== this.lastRecord) {
      this.lastRecord = record;
      this.lastValue = record.value ? this.value.decode(record.value) : null;
    }
    return this.lastValue;
  }
}

/** Puts the decoded form on the raw one, its text cut like the raw preview (on a UTF-8 boundary). */
function attach(data: EncodedData, outcome: PartOutcome | null, maxBytes: number): void {
  if (!outcome) return;
  const decoded = outcome.decoded;
  if (outcome.ok && decoded.text === undefined) decoded.text = JSON.stringify(outcome.value);
  const text = decoded.text;
  if (text !== undefined && text.length > maxBytes / 3 && Buffer.byteLength(text) > maxBytes) {
    const bytes = Buffer.from(text);
    decoded.text = bytes.toString('utf8', 0, utf8PrefixLength(bytes, maxBytes));
    decoded.truncated = true;
  }
  data.decoded = decoded;
}
