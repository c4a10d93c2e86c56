import { decode as decodeMsgpack } from '@msgpack/msgpack';
import type { DecodedFormat } from '@kafka-inspector/shared';
import { decode as decodeCbor } from 'cborg';
import { jsonSafe } from './json-safe';
import { decodeRawProtobuf } from './protobuf-raw';

/** The plain decoders a client may force (no schema): shared/src/decoding.ts names them. */
export type PlainDecoderName = 'utf8' | 'json' | 'msgpack' | 'cbor' | 'int32' | 'int64' | 'double' | 'uuid' | 'protobuf-raw' | 'hex';

export const PLAIN_DECODERS: readonly PlainDecoderName[] = ['utf8', 'json', 'msgpack', 'cbor', 'int32', 'int64', 'double', 'uuid', 'protobuf-raw', 'hex'];

/**
 * A decoded key or value: `value` is what filters see (JSON-like, lossless: 64-bit integers as
 * strings); `text` is what the wire carries (JSON text, or the text itself for utf8 and hex).
 */
export interface PlainDecoded {
  format: DecodedFormat;
  value: unknown;
  text: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes with one plain decoder; throws an Error whose message says why they are not that. */
export function decodePlain(name: PlainDecoderName, bytes: Buffer): PlainDecoded {
  switch (name) {
    case 'utf8': {
      const text = utf8Text(bytes);
      return { format: name, value: text, text };
    }
    case 'json': {
      const value: unknown = JSON.parse(utf8Text(bytes));
      return structured(name, value);
    }
    case 'msgpack':
      return structured(name, decodeMsgpack(bytes, { useBigInt64: true }));
    case 'cbor':
      return structured(name, decodeCbor(bytes, { useMaps: true }));
    case 'int32':
      exactLength(bytes, 4, name);
      return structured(name, bytes.readInt32BE(0));
    case 'int64':
      exactLength(bytes, 8, name);
      return structured(name, bytes.readBigInt64BE(0).toString());
    case 'double':
      exactLength(bytes, 8, name);
      return structured(name, bytes.readDoubleBE(0));
    case 'uuid': {
      exactLength(bytes, 16, name);
      const h = bytes.toString('hex');
      return structured(name, `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
    }
    case 'protobuf-raw':
      return structured(name, decodeRawProtobuf(bytes));
    case 'hex': {
      const text = bytes.toString('hex');
      return { format: name, value: text, text };
    }
  }
}

function structured(format: DecodedFormat, raw: unknown): PlainDecoded {
  const value = jsonSafe(raw);
  return { format, value, text: JSON.stringify(value) };
}

function utf8Text(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error('not valid UTF-8');
  }
}

function exactLength(bytes: Buffer, size: number, name: string): void {
  if (bytes.length !== size) throw new Error(`${name} needs exactly ${size} bytes, this has ${bytes.length}`);
}
