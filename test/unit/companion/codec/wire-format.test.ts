import { describe, expect, it } from 'vitest';
import { parseMessageIndexes, parseWireFormat } from '../../../../companion/src/codec/wire-format';

describe('Confluent wire format (issue 11)', () => {
  it('reads magic byte 0 and a big-endian schema id', () => {
    expect(parseWireFormat(Buffer.from([0, 0, 0, 0, 42, 9]))).toEqual({ schemaId: 42, offset: 5 });
    expect(parseWireFormat(Buffer.from([0, 0x12, 0x34, 0x56, 0x78]))).toEqual({ schemaId: 0x12345678, offset: 5 });
  });

  it('is not the wire format: another first byte, too short, a negative id', () => {
    expect(parseWireFormat(Buffer.from('{"a":1}'))).toBeNull();
    expect(parseWireFormat(Buffer.from([0, 0, 0, 1]))).toBeNull();
    expect(parseWireFormat(Buffer.from([0, 0xff, 0, 0, 1]))).toBeNull();
  });

  it('Protobuf message indexes: 0 stands for [0]; zigzag counts and indexes', () => {
    expect(parseMessageIndexes(Buffer.from([0, 0, 0, 0, 1, 0, 0x08]), 5)).toEqual({ indexes: [0], offset: 6 });
    // count 2 (zigzag 4), indexes 1 (2) and 0 (0)
    expect(parseMessageIndexes(Buffer.from([4, 2, 0, 0x08]), 0)).toEqual({ indexes: [1, 0], offset: 3 });
    // count 1, index 300 (zigzag 600 = 0xd8 0x04)
    expect(parseMessageIndexes(Buffer.from([2, 0xd8, 0x04]), 0)).toEqual({ indexes: [300], offset: 3 });
    expect(() => parseMessageIndexes(Buffer.from([4, 2]), 0)).toThrow('past the end');
  });
});
