import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { messageIndexesBytes, parseMessageIndexes } from '../../../companion/src/codec/wire-format';
import { encodeAvro } from '../../../companion/src/schema/avro-encode';
import { encodeJsonSchema } from '../../../companion/src/schema/json-schema-encode';
import { SchemaMismatch } from '../../../companion/src/schema/schema-encode';
import { schemaEncoders } from '../../../companion/src/schema/schema-encoders';

const ORDER = JSON.stringify({
  type: 'record',
  name: 'Order',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'n', type: 'long' },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'raw', type: 'bytes' },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'lines', type: { type: 'array', items: { type: 'record', name: 'Line', fields: [{ name: 'sku', type: 'string' }] } } },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
  ],
});

const mismatch = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof SchemaMismatch) return { path: error.path, message: error.message };
    throw error;
  }
  throw new Error('no mismatch');
};

describe('Avro produce encoding', () => {
  it('takes the JSON the decoded form shows: long as a decimal string past 2^53, ISO timestamps, base64 bytes, decimals as text', () => {
    const bytes = encodeAvro(ORDER, { id: 'o-1', n: '9007199254740993', at: '2024-01-02T03:04:05.678Z', raw: 'AAH/', note: 'gift', lines: [{ sku: 'A' }], amount: '-12.34' });
    // Read back with avsc's plain types (no logical types): what any Avro reader sees.
    const plain = avro.Type.forSchema(JSON.parse(ORDER) as avro.Schema, { registry: { long: avro.types.LongType.__with({ fromBuffer: (b: Buffer) => b.readBigInt64LE(0), toBuffer: () => Buffer.alloc(8), fromJSON: Number, toJSON: Number, isValid: () => true, compare: () => 0 }) } });
    const read = plain.fromBuffer(bytes) as Record<string, unknown>;
    expect(read.id).toBe('o-1');
    expect(read.n).toBe(9007199254740993n);
    expect(Number(read.at)).toBe(Date.parse('2024-01-02T03:04:05.678Z'));
    expect([...(read.raw as Buffer)]).toEqual([0, 1, 255]);
    expect(read.note).toBe('gift');
    expect((read.amount as Buffer).readInt16BE(0)).toBe(-1234);
  });

  it('points at the first field that does not fit', () => {
    const base = { id: 'o', n: 1, at: 0, raw: '', note: null, lines: [], amount: '1.00' };
    expect(mismatch(() => encodeAvro(ORDER, { ...base, id: 7 }))).toEqual({ path: 'id', message: 'expected string, got 7' });
    expect(mismatch(() => encodeAvro(ORDER, { ...base, lines: [{ sku: 'a' }, { sku: false }] }))).toEqual({ path: 'lines[1].sku', message: 'expected string, got false' });
    expect(mismatch(() => encodeAvro(ORDER, { ...base, n: 1.5 })).path).toBe('n');
    expect(mismatch(() => encodeAvro(ORDER, { ...base, amount: '1.234' })).path).toBe('amount');
    expect(mismatch(() => encodeAvro(ORDER, { id: 'o' })).message).toMatch(/missing/);
  });
});

describe('JSON Schema produce encoding', () => {
  const schema = JSON.stringify({ type: 'object', required: ['id'], properties: { id: { type: 'integer' }, lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } } } });

  it('writes the JSON text when it validates', () => {
    expect(encodeJsonSchema(schema, { id: 3, lines: [{ sku: 'a' }] }).toString()).toBe('{"id":3,"lines":[{"sku":"a"}]}');
  });

  it('points at the failing field, a missing required one too', () => {
    expect(mismatch(() => encodeJsonSchema(schema, { id: 'x' }))).toEqual({ path: 'id', message: 'must be integer' });
    expect(mismatch(() => encodeJsonSchema(schema, { id: 1, lines: [{ sku: 2 }] })).path).toBe('lines[0].sku');
    expect(mismatch(() => encodeJsonSchema(schema, {})).path).toBe('id');
  });

  it('asserts the formats it knows, in every draft, and names the field; a format it does not know is annotation', () => {
    const props = { at: { type: 'string', format: 'date-time' }, email: { type: 'string', format: 'email' }, id: { type: 'string', format: 'uuid' }, code: { type: 'string', format: 'x-house-code' } };
    for (const $schema of ['http://json-schema.org/draft-07/schema#', 'https://json-schema.org/draft/2019-09/schema', 'https://json-schema.org/draft/2020-12/schema']) {
      const formats = JSON.stringify({ $schema, type: 'object', properties: props });
      const good = { at: '2026-11-26T10:00:00Z', email: 'qa@example.com', id: '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b', code: 'anything at all' };
      expect(JSON.parse(encodeJsonSchema(formats, good).toString())).toEqual(good);
      expect(mismatch(() => encodeJsonSchema(formats, { ...good, at: 'yesterday' }))).toEqual({ path: 'at', message: 'must match format "date-time"' });
      expect(mismatch(() => encodeJsonSchema(formats, { ...good, email: 'not an email' })).path).toBe('email');
      expect(mismatch(() => encodeJsonSchema(formats, { ...good, id: 'ord-1' })).path).toBe('id');
    }
  });

  it('wraps the payload in the wire format: magic byte and the schema id', async () => {
    const bytes = await schemaEncoders.JSON!({ id: 1 }, { id: 258, version: 1, subject: 's', schema }, null as never, { topic: 't', part: 'value' });
    expect([...bytes.subarray(0, 5)]).toEqual([0, 0, 0, 1, 2]);
    expect(bytes.subarray(5).toString()).toBe('{"id":1}');
  });
});

describe('Protobuf produce encoding', () => {
  const common = 'syntax = "proto3";\npackage shop;\nmessage Money {\n  string currency = 1;\n  int64 cents = 2;\n}\n';
  const main = 'syntax = "proto3";\npackage shop;\nimport "common.proto";\nimport "google/protobuf/timestamp.proto";\nmessage Order {\n  string id = 1;\n  Money total = 2;\n  repeated string tags = 3;\n  Status status = 4;\n  google.protobuf.Timestamp at = 5;\n  enum Status { NEW = 0; PAID = 1; }\n}\nmessage Other { int32 n = 1; }\n';
  const registry = { subjectVersion: async () => ({ schema: common, schemaType: 'PROTOBUF' as const, references: [], subject: 'common', version: 1, id: 1 }) } as never;
  const schema = { id: 9, version: 1, subject: 'orders-value', schema: main, schemaType: 'PROTOBUF', references: [{ name: 'common.proto', subject: 'common', version: 1 }] };

  it('encodes the first message (index [0], one zero byte) with imports from the registry; it decodes back the same', async () => {
    const { compileProtobuf } = await import('../../../companion/src/schema/protobuf');
    const { encodeProtobuf } = await import('../../../companion/src/schema/protobuf-encode');
    const value = { id: 'o-1', total: { currency: 'EUR', cents: '9007199254740993' }, tags: ['a', 'b'], status: 'PAID', at: '2024-01-02T03:04:05Z' };
    const { indexes, payload } = await encodeProtobuf(schema, value, registry);
    expect([...indexes]).toEqual([0]);
    const decoder = compileProtobuf(main, { 'common.proto': common });
    expect(decoder.decode(decoder.typeAt([0]), payload)).toMatchObject({ id: 'o-1', total: { currency: 'EUR', cents: '9007199254740993' }, tags: ['a', 'b'], status: 'PAID', at: '2024-01-02T03:04:05Z' });
    const bytes = await schemaEncoders.PROTOBUF!(value, schema, registry, { topic: 't', part: 'value' });
    expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 0, 0, 9, 0]);
  });

  it('points at the field that does not fit, where protobufjs would have coerced it quietly', async () => {
    const { encodeProtobuf } = await import('../../../companion/src/schema/protobuf-encode');
    const fails = async (value: unknown) => {
      try {
        await encodeProtobuf(schema, value, registry);
      } catch (error) {
        if (error instanceof SchemaMismatch) return { path: error.path, message: error.message };
        throw error;
      }
      throw new Error('no mismatch');
    };
    expect(await fails({ total: { cents: 'lots' } })).toMatchObject({ path: 'total.cents' });
    expect(await fails({ tags: ['a', 3] })).toMatchObject({ path: 'tags[1]', message: 'expected string, got 3' });
    expect(await fails({ status: 'LOST' })).toMatchObject({ path: 'status', message: 'expected one of NEW, PAID, got "LOST"' });
    expect(await fails({ nope: 1 })).toMatchObject({ path: 'nope', message: 'Order has no field nope' });
  });

  it('a skeleton of the first message, imports resolved', async () => {
    const { protobufSkeletonOf } = await import('../../../companion/src/schema/protobuf-encode');
    expect(protobufSkeletonOf(main, { 'common.proto': common })).toEqual({ skeleton: { id: '', total: { currency: '', cents: '0' }, tags: [''], status: 'NEW', at: '1970-01-01T00:00:00Z' }, messageType: 'shop.Order' });
    expect(protobufSkeletonOf(main, { 'common.proto': common }, 'shop.Other')).toEqual({ skeleton: { n: 0 }, messageType: 'shop.Other' });
  });

  it('encodes the message a produce names (messageType), with its indexes; it decodes back through them', async () => {
    const { compileProtobuf } = await import('../../../companion/src/schema/protobuf');
    const { encodeProtobuf } = await import('../../../companion/src/schema/protobuf-encode');
    const { indexes, payload } = await encodeProtobuf(schema, { n: -5 }, registry, 'shop.Other');
    // Confluent's framing of [1]: count 1 and index 1, each a zigzag varint (2).
    expect([...indexes]).toEqual([2, 2]);
    const decoder = compileProtobuf(main, { 'common.proto': common });
    const parsed = parseMessageIndexes(indexes, 0);
    expect(parsed.indexes).toEqual([1]);
    expect(decoder.decode(decoder.typeAt(parsed.indexes), payload)).toEqual({ n: -5 });
    // A leading dot (protobufjs's spelling) names the same message; the first one by name is [0].
    expect([...(await encodeProtobuf(schema, { n: 1 }, registry, '.shop.Other')).indexes]).toEqual([2, 2]);
    expect([...(await encodeProtobuf(schema, { id: 'x' }, registry, 'shop.Order')).indexes]).toEqual([0]);
  });

  it('a messageType the file does not define is UnknownMessageType, listing the ones it does', async () => {
    const { encodeProtobuf, UnknownMessageType } = await import('../../../companion/src/schema/protobuf-encode');
    const error = await encodeProtobuf(schema, {}, registry, 'shop.Money').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownMessageType);
    expect((error as Error).message).toBe('has no message type shop.Money; it has shop.Order, shop.Other');
  });

  it('lists message types depth first with their Confluent indexes (enums and imported messages do not count)', async () => {
    const { compileProtobuf } = await import('../../../companion/src/schema/protobuf');
    const nested = 'syntax = "proto3";\npackage p;\nmessage A {\n  enum K { X = 0; }\n  message B {\n    message C { int32 c = 1; }\n    C c = 1;\n  }\n  message D { int32 d = 1; }\n  B b = 1;\n}\nmessage E { int32 e = 1; }\n';
    expect(compileProtobuf(nested).messageTypes()).toEqual([
      { name: 'p.A', indexes: [0] },
      { name: 'p.A.B', indexes: [0, 0] },
      { name: 'p.A.B.C', indexes: [0, 0, 0] },
      { name: 'p.A.D', indexes: [0, 1] },
      { name: 'p.E', indexes: [1] },
    ]);
    expect(compileProtobuf(main, { 'common.proto': common }).messageTypes().map((t) => t.name)).toEqual(['shop.Order', 'shop.Other']);
  });

  it('message indexes written as Confluent writes them read back the same, multi-byte varints too', () => {
    expect([...messageIndexesBytes([0])]).toEqual([0]);
    expect([...messageIndexesBytes([0, 1])]).toEqual([4, 0, 2]);
    for (const indexes of [[0], [1], [0, 1], [2, 0, 3], [70], [0, 0, 0], [100_000]]) {
      const bytes = messageIndexesBytes(indexes);
      expect(parseMessageIndexes(bytes, 0)).toEqual({ indexes, offset: bytes.length });
    }
  });
});
