import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader, MAX_REPLY_BYTES } from '../../../../companion/src/native-host/framing';

describe('native-messaging framing', () => {
  it('is a 32-bit little-endian byte length, then UTF-8 JSON', () => {
    const frame = encodeFrame({ type: 'found', note: 'ü' });
    const body = '{"type":"found","note":"ü"}';
    expect(frame.readUInt32LE(0)).toBe(Buffer.byteLength(body));
    expect(frame.subarray(4).toString('utf8')).toBe(body);
    expect([...frame.subarray(0, 4)]).toEqual([Buffer.byteLength(body), 0, 0, 0]);
  });

  it('reads back what it wrote, across chunks cut anywhere, several messages at once', () => {
    const bytes = Buffer.concat([encodeFrame({ a: 1 }), encodeFrame({ b: 'two' }), encodeFrame([3])]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const reader = new FrameReader();
      const messages = [...reader.push(bytes.subarray(0, cut)), ...reader.push(bytes.subarray(cut))];
      expect(messages).toEqual([{ a: 1 }, { b: 'two' }, [3]]);
      expect(reader.pending).toBe(0);
    }
  });

  it('holds an unfinished message back and says so', () => {
    const reader = new FrameReader();
    expect(reader.push(encodeFrame({ a: 1 }).subarray(0, 6))).toEqual([]);
    expect(reader.pending).toBe(6);
  });

  it('refuses a request over its limit before buffering it, and a body that is not JSON', () => {
    const header = Buffer.alloc(4);
    header.writeUInt32LE(1024 * 1024 * 1024, 0);
    expect(() => new FrameReader().push(header)).toThrow(RangeError);
    const bad = Buffer.from([3, 0, 0, 0, ...Buffer.from('{x}')]);
    expect(() => new FrameReader().push(bad)).toThrow(SyntaxError);
  });

  it('will not write a reply Chrome would refuse (over 1 MB)', () => {
    expect(() => encodeFrame({ big: 'x'.repeat(MAX_REPLY_BYTES) })).toThrow(RangeError);
  });
});
