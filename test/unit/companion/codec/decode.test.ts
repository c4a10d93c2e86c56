import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncodedDataSchema, WireRecordSchema } from '@kafka-inspector/shared';
import { decodeData, toWireRecord } from '../../../../companion/src/codec/decode';
import { fakeRecord } from './fake-record';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('decodeData', () => {
  it('decodes an empty buffer as empty text', () => {
    expect(decodeData(Buffer.alloc(0), 100)).toEqual({ encoding: 'text', text: '', size: 0 });
  });

  it('keeps valid UTF-8 with multi-byte characters and emoji as text', () => {
    const text = 'Grüße, 東京 🚀👩‍💻';
    expect(decodeData(utf8(text), 1000)).toEqual({ encoding: 'text', text, size: utf8(text).length });
  });

  it('keeps tabs, newlines and ANSI escapes as text', () => {
    const text = 'line\tone\r\n\u001b[31mred\u001b[0m\n';
    expect(decodeData(utf8(text), 1000)).toMatchObject({ encoding: 'text', text });
  });

  it.each([
    ['0xff', Buffer.from([0xff])],
    ['a lone continuation byte', Buffer.from([0x61, 0x80, 0x62])],
    ['an overlong encoding', Buffer.from([0xc0, 0xaf])],
    ['a truncated 3-byte sequence at the end', Buffer.from([0x61, 0xe6, 0x9d])],
    ['an encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
    ['a NUL byte (valid UTF-8, but a binary format)', Buffer.from([0x0a, 0x00, 0x66])],
    ['a protobuf-like ASCII frame', Buffer.from([0x0a, 0x03, 0x66, 0x6f, 0x6f, 0x10, 0x01])],
  ])('decodes %s as binary, losslessly', (_name, bytes) => {
    const data = decodeData(bytes, 1000);
    expect(data).toEqual({ encoding: 'binary', base64: bytes.toString('base64'), size: bytes.length });
  });

  it('decodes random bytes as binary that round-trips', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = Buffer.concat([Buffer.from([0xff]), randomBytes(200)]);
      const data = decodeData(bytes, 1000);
      expect(data.encoding).toBe('binary');
      expect(data.encoding === 'binary' && Buffer.from(data.base64, 'base64').equals(bytes)).toBe(true);
    }
  });

  it('recognises JSON objects and arrays, with surrounding whitespace', () => {
    expect(decodeData(utf8('{"a":1,"b":[true,null]}'), 1000)).toEqual({
      encoding: 'json',
      text: '{"a":1,"b":[true,null]}',
      size: 23,
    });
    expect(decodeData(utf8('\n  [1, 2, "ü"]  \n'), 1000)).toMatchObject({ encoding: 'json', text: '\n  [1, 2, "ü"]  \n' });
  });

  it.each(['42', '"quoted"', 'true', 'null', '{not json}', '{"a":1', '[1,2,]', "{'a':1}", '{"a":1} trailing'])(
    'keeps %s as text',
    (text) => {
      expect(decodeData(utf8(text), 1000)).toEqual({ encoding: 'text', text, size: text.length });
    },
  );

  it('cuts text on a character boundary and reports the original size', () => {
    const text = 'aé東🚀'; // 1 + 2 + 3 + 4 bytes
    const bytes = utf8(text);
    const cuts: Array<[number, string]> = [
      [0, ''],
      [1, 'a'],
      [2, 'a'],
      [3, 'aé'],
      [4, 'aé'],
      [5, 'aé'],
      [6, 'aé東'],
      [9, 'aé東'],
    ];
    for (const [max, expected] of cuts) {
      expect(decodeData(bytes, max), `maxBytes ${max}`).toEqual({ encoding: 'text', text: expected, size: 10, truncated: true });
    }
    expect(decodeData(bytes, 10)).toEqual({ encoding: 'text', text, size: 10 });
  });

  it('decides JSON on the whole value and cuts its text', () => {
    const json = JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ id: i, name: `item ${i}` })) });
    const data = decodeData(utf8(json), 50);
    expect(data).toEqual({ encoding: 'json', text: json.slice(0, 50), size: json.length, truncated: true });
  });

  it('truncates a 1 MB value to the preview limit', () => {
    const big = Buffer.alloc(1024 * 1024, 'x');
    const data = decodeData(big, 64 * 1024);
    expect(data).toMatchObject({ encoding: 'text', size: 1024 * 1024, truncated: true });
    expect(data.encoding === 'text' && data.text.length).toBe(64 * 1024);

    const binary = Buffer.concat([Buffer.from([0xff]), randomBytes(1024 * 1024 - 1)]);
    const cut = decodeData(binary, 1000);
    expect(cut).toEqual({ encoding: 'binary', base64: binary.subarray(0, 1000).toString('base64'), size: binary.length, truncated: true });
  });

  it('decides binary on the whole buffer, even when the invalid byte lies past the cut', () => {
    const bytes = Buffer.concat([utf8('hello world'), Buffer.from([0xff])]);
    expect(decodeData(bytes, 5)).toMatchObject({ encoding: 'binary', base64: utf8('hello').toString('base64'), truncated: true });
  });

  it('always produces data the wire schema accepts', () => {
    for (const bytes of [utf8('{"a":1}'), utf8('plain'), randomBytes(64), Buffer.alloc(0)]) {
      expect(EncodedDataSchema.safeParse(decodeData(bytes, 10)).success).toBe(true);
    }
  });
});

describe('toWireRecord', () => {
  it('decodes key, value and headers and counts every byte', () => {
    const record = fakeRecord({
      partition: 3,
      offset: '9007199254740993',
      key: 'user-1',
      value: '{"amount":150}',
      headers: [
        ['source', 'web'],
        ['trace', Buffer.from([0xde, 0xad, 0xbe, 0xef])],
        ['empty', null],
        ['source', 'retry'],
      ],
    });
    const wire = toWireRecord(record, 1000);
    expect(wire).toEqual({
      topic: 'orders',
      partition: 3,
      offset: '9007199254740993',
      timestamp: '1700000000000',
      key: { encoding: 'text', text: 'user-1', size: 6 },
      value: { encoding: 'json', text: '{"amount":150}', size: 14 },
      headers: [
        { key: 'source', value: { encoding: 'text', text: 'web', size: 3 } },
        { key: 'trace', value: { encoding: 'binary', base64: '3q2+7w==', size: 4 } },
        { key: 'empty', value: null },
        { key: 'source', value: { encoding: 'text', text: 'retry', size: 5 } },
      ],
      size: 6 + 14 + (6 + 3) + (5 + 4) + 5 + (6 + 5),
    });
    expect(WireRecordSchema.safeParse(wire).success).toBe(true);
  });

  it('keeps a null key and a tombstone value null', () => {
    const wire = toWireRecord(fakeRecord({ key: null, value: null, headers: { 'ü-name': 'x' } }), 1000);
    expect(wire).toMatchObject({ key: null, value: null, size: Buffer.byteLength('ü-name') + 1 });
  });

  it('truncates the value to maxValueBytes but counts its full size', () => {
    const wire = toWireRecord(fakeRecord({ key: 'k', value: 'x'.repeat(5000) }), 100);
    expect(wire.value).toMatchObject({ encoding: 'text', size: 5000, truncated: true });
    expect(wire.size).toBe(5001);
  });

  it('says whose clock the timestamp is, and leaves it out when the reader could not tell', () => {
    expect(toWireRecord(fakeRecord({ timestampType: 'LogAppendTime' }), 100).timestampType).toBe('LogAppendTime');
    expect(toWireRecord(fakeRecord(), 100)).not.toHaveProperty('timestampType');
  });

  it('flags a record over a decoding cap and counts the bytes Kafka stores, not the cut views', () => {
    const record = { ...fakeRecord({ key: 'kk', value: 'vvvv', headers: { a: '1' } }), capped: { keyBytes: 20, valueBytes: 4000, headers: 9, headerBytes: 90 } };
    const wire = toWireRecord(record, 1000);
    expect(wire.capped).toEqual({ keyBytes: 20, valueBytes: 4000, headers: 9, headerBytes: 90 });
    expect(wire.size).toBe(20 + 4000 + 90);
    expect(WireRecordSchema.safeParse(wire).success).toBe(true);
  });
});
