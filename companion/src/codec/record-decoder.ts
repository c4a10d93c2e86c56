import type { DecoderName, WireRecord } from '@kafka-inspector/shared';
import type { RawRecord } from '../kafka/gateway';
import { toWireRecord } from './decode';

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
}

/** Today's plain behaviour: text, JSON or base64, nothing to fetch, filters read the bytes. */
const plainDecoder: RecordDecoder = {
  prepare: async () => {},
  toWire: (record, maxValueBytes) => toWireRecord(record, maxValueBytes),
  valueForFilter: () => undefined,
};

/** The decoder of one topic's records under a cluster profile's settings. */
export function createRecordDecoder(settings: RecordDecoderSettings | undefined, topic: string): RecordDecoder {
  void settings;
  void topic;
  return plainDecoder;
}
