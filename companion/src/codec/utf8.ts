/**
 * Largest prefix length <= `limit` that ends on a UTF-8 character boundary of `bytes`, which must be
 * valid UTF-8. A cut inside a multi-byte character would otherwise decode to U+FFFD and change the text.
 */
export function utf8PrefixLength(bytes: Buffer, limit: number): number {
  if (limit >= bytes.length) return bytes.length;
  let end = Math.max(limit, 0);
  // Continuation bytes are 0b10xxxxxx; a character is at most 4 bytes, so this steps back at most 3.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return end;
}

/**
 * C0 controls other than tab, LF, VT, FF, CR and ESC (kept for ANSI-coloured logs), and DEL.
 * Valid UTF-8 full of these is almost always a binary format (protobuf, Avro) that happens to
 * decode, and reads better as bytes than as a string of escapes.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/;

export function hasControlChars(text: string): boolean {
  return CONTROL_CHARS.test(text);
}

/**
 * Only objects and arrays count as JSON: a bare number or quoted string is better shown as the
 * text it is. Checking the first non-space byte keeps JSON.parse off text that cannot be JSON.
 */
export function mayBeJsonContainer(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === 0x7b /* { */ || byte === 0x5b /* [ */;
  }
  return false;
}

export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
