import type { Decoded, EncodedData } from '@kafka-inspector/shared';

/** Formats whose decoded text is JSON (shown as a tree); the others are plain text (a number, a UUID, hex). */
const JSON_FORMATS = new Set<Decoded['format']>(['avro', 'protobuf', 'json-schema', 'json', 'msgpack', 'cbor', 'protobuf-raw']);

/**
 * What the panel shows for a key or value: the companion's decoded form when it has one (Avro,
 * Protobuf, ...), else the raw form as it came. The raw bytes stay on the record (hex view, copy,
 * resend); this only chooses what is read.
 */
export function shownData(data: EncodedData): EncodedData {
  const decoded = data.decoded;
  if (!decoded || decoded.text === undefined || decoded.error) return data;
  const truncated = decoded.truncated ?? false;
  return JSON_FORMATS.has(decoded.format) ? { encoding: 'json', text: decoded.text, size: data.size, truncated } : { encoding: 'text', text: decoded.text, size: data.size, truncated };
}

const FORMAT_NAMES: Partial<Record<Decoded['format'], string>> = {
  avro: 'Avro',
  protobuf: 'Protobuf',
  'json-schema': 'JSON Schema',
  'schema-registry': 'schema registry',
  utf8: 'UTF-8',
  json: 'JSON',
  msgpack: 'MessagePack',
  cbor: 'CBOR',
  int32: 'int32 (big-endian)',
  int64: 'int64 (big-endian)',
  double: 'double (big-endian)',
  uuid: 'UUID',
  'protobuf-raw': 'raw Protobuf (no schema)',
  hex: 'hex',
};

/** "Avro · schema 42 · orders-value v3 · shop.Order", said the same way in the detail and to screen readers. */
export function decodedAsText(decoded: Decoded): string {
  const parts = [FORMAT_NAMES[decoded.format] ?? decoded.format];
  if (decoded.schemaId !== undefined) parts.push(`schema ${decoded.schemaId}`);
  if (decoded.subject) parts.push(decoded.version ? `${decoded.subject} v${decoded.version}` : decoded.subject);
  if (decoded.schema) parts.push(decoded.schema);
  if (decoded.type) parts.push(decoded.type);
  return parts.join(' · ');
}
