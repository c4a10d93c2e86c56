/**
 * Protobuf without a schema, like `protoc --decode_raw`: field numbers as keys, repeated fields as
 * arrays. Varints are numbers when exactly representable, else decimal strings; fixed64 a decimal
 * string, fixed32 a number; a length-delimited field is text when its bytes are printable UTF-8,
 * else a nested message when they parse as one, else `0x` and hex. Throws when the bytes are no
 * Protobuf message at all (the decoder shows the reason).
 */
export function decodeRawProtobuf(bytes: Uint8Array): Record<string, unknown> {
  const result = parseMessage(bytes, 0);
  if (!result) throw new Error('not a Protobuf message (field numbers and wire types do not parse)');
  return result;
}

const MAX_DEPTH = 32;
const decoder = new TextDecoder('utf-8', { fatal: true });

function parseMessage(bytes: Uint8Array, depth: number): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  let pos = 0;
  while (pos < bytes.length) {
    const tag = readVarint(bytes, pos);
    if (!tag) return null;
    pos = tag.next;
    const field = tag.value >> 3n;
    const wire = Number(tag.value & 7n);
    if (field < 1n || field > 536_870_911n) return null;
    let value: unknown;
    if (wire === 0) {
      const v = readVarint(bytes, pos);
      if (!v) return null;
      pos = v.next;
      value = v.value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v.value) : v.value.toString();
    } else if (wire === 1) {
      if (pos + 8 > bytes.length) return null;
      value = Buffer.from(bytes.buffer, bytes.byteOffset + pos, 8).readBigUInt64LE(0).toString();
      pos += 8;
    } else if (wire === 5) {
      if (pos + 4 > bytes.length) return null;
      value = Buffer.from(bytes.buffer, bytes.byteOffset + pos, 4).readUInt32LE(0);
      pos += 4;
    } else if (wire === 2) {
      const len = readVarint(bytes, pos);
      if (!len || len.value > BigInt(bytes.length - len.next)) return null;
      pos = len.next;
      const body = bytes.subarray(pos, pos + Number(len.value));
      pos += body.length;
      value = lengthDelimited(body, depth);
    } else {
      // Groups (3, 4) are long deprecated; 6 and 7 do not exist.
      return null;
    }
    const key = field.toString();
    const seen = out[key];
    // A field value is never an array itself, so an array here is a repeated field's.
    if (seen === undefined) out[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[key] = [seen, value];
  }
  return out;
}

function lengthDelimited(body: Uint8Array, depth: number): unknown {
  // Printable text first: short strings often parse as messages by accident ("Amsterdam" reads
  // as field 8, fixed64), while a real nested message nearly always holds a control byte (its
  // lengths, its tags 0x08-0x1a).
  const text = printableText(body);
  if (text !== null) return text;
  if (body.length > 0 && depth < MAX_DEPTH) {
    const nested = parseMessage(body, depth + 1);
    if (nested) return nested;
  }
  return `0x${Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('hex')}`;
}

function printableText(body: Uint8Array): string | null {
  try {
    const text = decoder.decode(body);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

function readVarint(bytes: Uint8Array, start: number): { value: bigint; next: number } | null {
  let value = 0n;
  let shift = 0n;
  for (let pos = start; pos < bytes.length && shift < 70n; pos++) {
    const byte = bytes[pos] as number;
    value |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return { value: BigInt.asUintN(64, value), next: pos + 1 };
    shift += 7n;
  }
  return null;
}
