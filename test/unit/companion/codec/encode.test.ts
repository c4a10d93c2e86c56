import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeData } from '../../../../companion/src/codec/decode';
import { EncodeError, encodeData } from '../../../../companion/src/codec/encode';

describe('encodeData', () => {
  it('encodes text as UTF-8', () => {
    expect(encodeData({ encoding: 'text', text: 'Grüße 🚀' })).toEqual(Buffer.from('Grüße 🚀', 'utf8'));
  });

  it('sends JSON as the given text, spacing and key order kept', () => {
    const text = '{ "b": 1,\n  "a": [1, 2] }';
    expect(encodeData({ encoding: 'json', text }).toString('utf8')).toBe(text);
  });

  it('rejects JSON that does not parse, saying why', () => {
    expect(() => encodeData({ encoding: 'json', text: '{"a":' })).toThrow(EncodeError);
    expect(() => encodeData({ encoding: 'json', text: "{'a':1}" })).toThrow(/^value is not valid JSON: /);
  });

  it('decodes canonical base64, with or without padding', () => {
    expect(encodeData({ encoding: 'binary', base64: '3q2+7w==' })).toEqual(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    expect(encodeData({ encoding: 'binary', base64: '3q2+7w' })).toEqual(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    expect(encodeData({ encoding: 'binary', base64: '' })).toEqual(Buffer.alloc(0));
  });

  it.each([
    ['stray bits in the last character', 'QR=='],
    ['a single dangling character', 'QUJDR'],
    ['too much padding', 'QQ==='],
    ['padding where none belongs', 'QUJD='],
  ])('rejects non-canonical base64: %s', (_name, base64) => {
    expect(() => encodeData({ encoding: 'binary', base64 })).toThrow(EncodeError);
  });

  it('round-trips whatever decodeData produced', () => {
    const samples = [
      Buffer.from('plain text ✓', 'utf8'),
      Buffer.from('{"a":[1,2,{"b":null}]}', 'utf8'),
      randomBytes(257),
      Buffer.from([0xff, 0x00]),
      Buffer.alloc(0),
    ];
    for (const bytes of samples) {
      const data = decodeData(bytes, 10_000);
      const outgoing = data.encoding === 'binary' ? { encoding: data.encoding, base64: data.base64 } : { encoding: data.encoding, text: data.text };
      expect(encodeData(outgoing)).toEqual(bytes);
    }
  });

  it('takes a tailed value back as it came (size included), but not a shortened one', () => {
    expect(encodeData({ encoding: 'text', text: 'héllo', size: 6 })).toEqual(Buffer.from('héllo'));
    expect(() => encodeData({ encoding: 'text', text: 'hél', size: 6 })).toThrow(/size says 6/);
  });
});
