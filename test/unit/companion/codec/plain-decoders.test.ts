import { encode as encodeCbor } from 'cborg';
import { encode as encodeMsgpack } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { decodePlain } from '../../../../companion/src/codec/plain-decoders';
import { decodeRawProtobuf } from '../../../../companion/src/codec/protobuf-raw';

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');

describe('plain decoders on fixed bytes (issue 11)', () => {
  it('utf8 and hex', () => {
    expect(decodePlain('utf8', Buffer.from('héllo'))).toEqual({ format: 'utf8', value: 'héllo', text: 'héllo' });
    expect(() => decodePlain('utf8', hex('c3'))).toThrow('not valid UTF-8');
    expect(decodePlain('hex', hex('00ff10'))).toMatchObject({ format: 'hex', text: '00ff10' });
  });

  it('json keeps 64-bit numbers as JSON.parse does and refuses non-JSON', () => {
    expect(decodePlain('json', Buffer.from('{"a":[1,"x"]}')).value).toEqual({ a: [1, 'x'] });
    expect(() => decodePlain('json', Buffer.from('{nope'))).toThrow();
  });

  it('big-endian int32, int64 (as a string, never rounded), double', () => {
    expect(decodePlain('int32', hex('ffffffff')).value).toBe(-1);
    expect(decodePlain('int64', hex('7fffffffffffffff')).value).toBe('9223372036854775807');
    expect(decodePlain('int64', hex('0020000000000001')).text).toBe('"9007199254740993"');
    expect(decodePlain('double', hex('400921fb54442d18')).value).toBe(Math.PI);
    expect(() => decodePlain('int32', hex('0102'))).toThrow('int32 needs exactly 4 bytes, this has 2');
  });

  it('uuid from 16 bytes', () => {
    expect(decodePlain('uuid', hex('123e4567e89b12d3a456426614174000')).value).toBe('123e4567-e89b-12d3-a456-426614174000');
  });

  it('msgpack (fixed bytes, 64-bit ints as strings)', () => {
    // {"a": 1, "b": [true, "x"]}
    expect(decodePlain('msgpack', hex('82 a1 61 01 a1 62 92 c3 a1 78')).value).toEqual({ a: 1, b: [true, 'x'] });
    // uint64 2^63
    expect(decodePlain('msgpack', hex('cf 8000000000000000')).value).toBe('9223372036854775808');
    expect(decodePlain('msgpack', Buffer.from(encodeMsgpack({ bin: new Uint8Array([1, 2]) }))).value).toEqual({ bin: 'AQI=' });
  });

  it('cbor (fixed bytes, maps, bigints and byte strings)', () => {
    // {"a": 1000}
    expect(decodePlain('cbor', hex('a1 61 61 19 03e8')).value).toEqual({ a: 1000 });
    // 2^64 - 1 as a uint64
    expect(decodePlain('cbor', hex('1b ffffffffffffffff')).value).toBe('18446744073709551615');
    expect(decodePlain('cbor', Buffer.from(encodeCbor({ b: new Uint8Array([255]) }))).value).toEqual({ b: '/w==' });
  });

  it('raw Protobuf like protoc --decode_raw', () => {
    // field 1 varint 150; field 2 "testing"; field 3 nested {1: 1}; field 4 fixed32 1; field 4 again (repeated)
    const bytes = hex('08 96 01 12 07 74657374696e67 1a 02 08 01 25 01000000 25 02000000');
    expect(decodeRawProtobuf(bytes)).toEqual({ '1': 150, '2': 'testing', '3': { '1': 1 }, '4': [1, 2] });
    // a varint past 2^53 stays exact; fixed64 is a decimal string
    expect(decodeRawProtobuf(hex('08 ffffffffffffffffff01 11 ffffffffffffffff'))).toEqual({ '1': '18446744073709551615', '2': '18446744073709551615' });
    // bytes that are neither a message nor text
    expect(decodeRawProtobuf(hex('0a 02 ff fe'))).toEqual({ '1': '0xfffe' });
    expect(() => decodeRawProtobuf(hex('0f'))).toThrow('not a Protobuf message');
  });
});
