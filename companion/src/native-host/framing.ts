/**
 * Chrome's native-messaging framing on stdio: each message is a 32-bit length in native byte order
 * (little-endian on every platform Chrome ships for) followed by that many bytes of UTF-8 JSON.
 * Chrome refuses a message from a host over 1 MB; the host refuses requests over 64 KiB (its one
 * request is a few bytes), so a broken peer cannot make it buffer without bound.
 */
export const MAX_REPLY_BYTES = 1024 * 1024;
export const MAX_REQUEST_BYTES = 64 * 1024;

export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > MAX_REPLY_BYTES) throw new RangeError(`a native message is at most ${MAX_REPLY_BYTES} bytes; this one has ${body.length}`);
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** Collects stdin chunks and hands out whole messages, parsed; throws on an oversized or non-JSON one. */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly maxBytes = MAX_REQUEST_BYTES) {}

  /** Adds a chunk; returns the messages it completed (zero, one or more). */
  push(chunk: Buffer): unknown[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const messages: unknown[] = [];
    while (this.buffered.length >= 4) {
      const length = this.buffered.readUInt32LE(0);
      if (length > this.maxBytes) throw new RangeError(`a native message of ${length} bytes is over the ${this.maxBytes} accepted`);
      if (this.buffered.length < 4 + length) break;
      const body = this.buffered.subarray(4, 4 + length).toString('utf8');
      this.buffered = this.buffered.subarray(4 + length);
      messages.push(JSON.parse(body));
    }
    return messages;
  }

  /** Bytes of an unfinished message still held (non-zero at end of input means it was cut short). */
  get pending(): number {
    return this.buffered.length;
  }
}
