/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the
 * payload. Protobuf payloads start with the message indexes: a zigzag varint count, then that many
 * zigzag varints (the path of the message type in the .proto file: [1, 0] is the first message
 * nested in the second top-level one); a count of 0 stands for [0], the file's first message.
 */
export interface WireFormatHeader {
  schemaId: number;
  /** Where the payload (or, for Protobuf, the message indexes) begins. */
  offset: number;
}

export const MAGIC_BYTE = 0;

/** The header, or null when the bytes cannot be in the wire format (too short, other first byte). */
export function parseWireFormat(bytes: Uint8Array): WireFormatHeader | null {
  if (bytes.length < 5 || bytes[0] !== MAGIC_BYTE) return null;
  const schemaId = ((bytes[1] as number) * 2 ** 24 + ((bytes[2] as number) << 16) + ((bytes[3] as number) << 8) + (bytes[4] as number)) | 0;
  // Ids are positive int32s; a negative one is not the wire format.
  if (schemaId < 0) return null;
  return { schemaId, offset: 5 };
}

/** Reads Protobuf message indexes at `offset`; throws on bytes that cannot be them. */
export function parseMessageIndexes(bytes: Uint8Array, offset: number): { indexes: number[]; offset: number } {
  let pos = offset;
  const next = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (pos >= bytes.length) throw new Error('message indexes run past the end of the record');
      const byte = bytes[pos++] as number;
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) throw new Error('message index varint too long');
    }
    // Zigzag: 0, -1, 1, -2 ... encoded as 0, 1, 2, 3 ...
    return (value >>> 1) ^ -(value & 1);
  };
  const count = next();
  if (count < 0 || count > 100) throw new Error(`message index count ${count} is not plausible`);
  if (count === 0) return { indexes: [0], offset: pos };
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = next();
    if (index < 0) throw new Error(`negative message index ${index}`);
    indexes.push(index);
  }
  return { indexes, offset: pos };
}

/**
 * Protobuf message indexes as Confluent's serializers write them: [0] (the file's first message)
 * as the single byte 0, anything else as a zigzag varint count then each index the same way.
 */
export function messageIndexesBytes(indexes: number[]): Buffer {
  if (indexes.length === 1 && indexes[0] === 0) return Buffer.from([0]);
  const out: number[] = [];
  for (const n of [indexes.length, ...indexes]) {
    let value = n * 2; // zigzag of a non-negative number
    while (value > 0x7f) {
      out.push((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.push(value);
  }
  return Buffer.from(out);
}
