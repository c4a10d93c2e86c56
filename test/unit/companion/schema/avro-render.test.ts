import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { compileAvro, formatDecimal } from '../../../../companion/src/schema/avro';

const schema = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'big', type: { type: 'long' } },
    { name: 'customer', type: ['null', { type: 'record', name: 'Customer', fields: [{ name: 'id', type: 'string' }] }] },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 20, scale: 2 } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'atMicros', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'ref', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'either', type: ['int', 'string'] },
    { name: 'raw', type: 'bytes' },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
  ],
};

/** The bytes a producer's Avro library writes (avsc with its own long type, not ours). */
function write(value: Record<string, unknown>): Buffer {
  const longAsBigInt = avro.types.LongType.__with({
    fromBuffer: (b: Buffer) => b.readBigInt64LE(0),
    toBuffer: (n: bigint) => {
      const b = Buffer.alloc(8);
      b.writeBigInt64LE(BigInt(n));
      return b;
    },
    fromJSON: BigInt,
    toJSON: Number,
    isValid: (n: unknown) => typeof n === 'bigint',
    compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
  });
  const hook = (s: avro.Schema) => (typeof s === 'object' && (s as { type?: string }).type === 'long' && !(s as { logicalType?: string }).logicalType ? longAsBigInt : undefined);
  return avro.Type.forSchema(schema as avro.Schema, { registry: { long: longAsBigInt }, typeHook: hook }).toBuffer(value);
}

describe('Avro rendered readably and losslessly (issue 11)', () => {
  const decoder = compileAvro(JSON.stringify(schema));
  const bytes = write({
    id: 9007199254740993n,
    big: -9223372036854775808n,
    customer: { id: 'c-1' },
    amount: Buffer.from([0xff, 0xff, 0xff, 0xfe, 0xd4]),
    at: 1700000000123,
    atMicros: 1700000000123456,
    day: 19000,
    ref: '123e4567-e89b-12d3-a456-426614174000',
    either: 'x',
    raw: Buffer.from('hi'),
    status: 'PAID',
  });

  it('longs and decimals as strings, never rounded; timestamps, dates, unions, bytes readable', () => {
    expect(decoder.name).toBe('shop.Order');
    expect(JSON.parse(JSON.stringify(decoder.decode(bytes)))).toEqual({
      id: '9007199254740993',
      big: '-9223372036854775808',
      customer: { id: 'c-1' },
      amount: '-3.00',
      at: '2023-11-14T22:13:20.123Z',
      atMicros: '2023-11-14T22:13:20.123456Z',
      day: '2022-01-08',
      ref: '123e4567-e89b-12d3-a456-426614174000',
      either: 'x',
      raw: 'aGk=',
      status: 'PAID',
    });
  });

  it('records are plain objects, so CEL reads them as maps', () => {
    const value = decoder.decode(bytes) as { customer: object };
    expect(value.constructor).toBe(Object);
    expect(value.customer.constructor).toBe(Object);
  });

  it('a payload that does not fit the schema throws (the record is then shown raw with the reason)', () => {
    expect(() => decoder.decode(bytes.subarray(0, 5))).toThrow();
  });

  it('formatDecimal: two\'s complement, scale', () => {
    expect(formatDecimal(Buffer.from([0x30, 0x39]), 2)).toBe('123.45');
    expect(formatDecimal(Buffer.from([0x01]), 3)).toBe('0.001');
    expect(formatDecimal(Buffer.from([0xff]), 0)).toBe('-1');
    expect(formatDecimal(Buffer.from('7fffffffffffffffffff', 'hex'), 4)).toBe('60446290980731458735.3087');
  });
});
