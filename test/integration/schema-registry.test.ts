import { create, createFileRegistry, createMutableRegistry } from '@bufbuild/protobuf';
import { FieldDescriptorProto_Label as Label, FieldDescriptorProto_Type as FieldType, FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { AvroSerializer, JsonSerializer, ProtobufSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { PROTOCOL_VERSION, type WireRecord } from '@kafka-inspector/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordDecoder } from '../../companion/src/codec/record-decoder';
import { createRegistryClient } from '../../companion/src/schema/registry-client';
import { schemaCacheFor } from '../../companion/src/schema/schema-cache';
import { schemaHandlers } from '../../companion/src/schema/schema-handlers';
import { createTestTopic, deleteTestTopics, testBrokers, testName } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { b64, ORDER_V1, ORDER_V2, register } from '../helpers/schema-registry';
import { TestClient } from '../helpers/ws-client';

/**
 * Decoding through a real Confluent-compatible registry (Karapace from ../shared/schema-registry,
 * named by SCHEMA_REGISTRY_URL) on a real Kafka. The records are encoded by Confluent's own client
 * library (@confluentinc/schemaregistry serializers), as producers in the wild encode them.
 */
const REGISTRY = process.env.SCHEMA_REGISTRY_URL;
const skipReason = REGISTRY ? '' : ' (skipped: needs SCHEMA_REGISTRY_URL, a real schema registry)';

const KEY_SCHEMA = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'OrderKey', type: 'object', properties: { region: { type: 'string' } } };
const MONEY_PROTO = 'syntax = "proto3";\npackage shop.common;\n\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n';
const ORDER_PROTO = 'syntax = "proto3";\npackage shop;\n\nimport "shop/money.proto";\n\nmessage Header {\n  string id = 1;\n}\nmessage Payment {\n  string order_id = 1;\n  shop.common.Money total = 2;\n}\n';

/** The Payment message of ORDER_PROTO as @bufbuild/protobuf descriptors (no protoc here), for Confluent's serializer. */
function paymentDescriptors() {
  const money = create(FileDescriptorProtoSchema, {
    name: 'shop/money.proto',
    package: 'shop.common',
    syntax: 'proto3',
    messageType: [{ name: 'Money', field: [
      { name: 'currency', number: 1, type: FieldType.STRING, label: Label.OPTIONAL, jsonName: 'currency' },
      { name: 'units', number: 2, type: FieldType.INT64, label: Label.OPTIONAL, jsonName: 'units' },
    ] }],
  });
  const order = create(FileDescriptorProtoSchema, {
    name: 'shop/order.proto',
    package: 'shop',
    syntax: 'proto3',
    dependency: ['shop/money.proto'],
    messageType: [
      { name: 'Header', field: [{ name: 'id', number: 1, type: FieldType.STRING, label: Label.OPTIONAL, jsonName: 'id' }] },
      { name: 'Payment', field: [
        { name: 'order_id', number: 1, type: FieldType.STRING, label: Label.OPTIONAL, jsonName: 'orderId' },
        { name: 'total', number: 2, type: FieldType.MESSAGE, typeName: '.shop.common.Money', label: Label.OPTIONAL, jsonName: 'total' },
      ] },
    ],
  });
  const moneyRegistry = createFileRegistry(money, () => undefined);
  const registry = createFileRegistry(order, (name) => (name === 'shop/money.proto' ? moneyRegistry.getFile('shop/money.proto') : undefined));
  const payment = registry.getMessage('shop.Payment')!;
  return { registry: createMutableRegistry(payment), payment };
}

const STOCK_PROTO = 'syntax = "proto3";\npackage inv;\n\nmessage Stock {\n  map<string, int32> counts = 1;\n  message Bin {\n    string code = 1;\n  }\n  Bin bin = 2;\n}\n';

/**
 * STOCK_PROTO as protoc describes it: the map field's synthetic `CountsEntry` is a nested type of
 * Stock (declared before Bin, with map_entry set), which a message index must not count.
 */
function binDescriptors() {
  const file = create(FileDescriptorProtoSchema, {
    name: 'inv/stock.proto',
    package: 'inv',
    syntax: 'proto3',
    messageType: [{
      name: 'Stock',
      field: [
        { name: 'counts', number: 1, type: FieldType.MESSAGE, typeName: '.inv.Stock.CountsEntry', label: Label.REPEATED, jsonName: 'counts' },
        { name: 'bin', number: 2, type: FieldType.MESSAGE, typeName: '.inv.Stock.Bin', label: Label.OPTIONAL, jsonName: 'bin' },
      ],
      nestedType: [
        { name: 'CountsEntry', options: { mapEntry: true }, field: [
          { name: 'key', number: 1, type: FieldType.STRING, label: Label.OPTIONAL, jsonName: 'key' },
          { name: 'value', number: 2, type: FieldType.INT32, label: Label.OPTIONAL, jsonName: 'value' },
        ] },
        { name: 'Bin', field: [{ name: 'code', number: 1, type: FieldType.STRING, label: Label.OPTIONAL, jsonName: 'code' }] },
      ],
    }],
  });
  const registry = createFileRegistry(file, () => undefined);
  const bin = registry.getMessage('inv.Stock.Bin')!;
  return { registry: createMutableRegistry(bin), bin };
}

describe.skipIf(!REGISTRY)(`records decoded through a schema registry${skipReason}`, () => {
  let companion: TestCompanion;
  let client: TestClient;
  let sr: SchemaRegistryClient;
  const topics: string[] = [];

  beforeAll(async () => {
    sr = new SchemaRegistryClient({ baseURLs: [REGISTRY!] });
    companion = await startTestCompanion({ clusters: [{ name: 'test', brokers: testBrokers(), schemaRegistry: { url: REGISTRY! } }] });
    client = await TestClient.paired(companion.wsUrl, companion.token);
  });
  afterAll(async () => {
    client?.close();
    await companion?.close();
    await deleteTestTopics(topics);
  });

  async function topicNamed(prefix: string) {
    const topic = await createTestTopic(1, prefix);
    topics.push(topic);
    return topic;
  }

  async function tail(topic: string, count: number, filter?: { cel: string }): Promise<WireRecord[]> {
    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' }, ...(filter ? { filter } : {}) });
    const records = await client.waitForRecords(streamId, count, 20_000);
    await client.ok({ type: 'tailStop', streamId });
    return records;
  }

  it('two versions of an evolving Avro schema in one tail, the key under a JSON Schema; welcome says there is a registry', async () => {
    const other = await TestClient.connect(companion.wsUrl);
    const welcome = await other.send({ type: 'hello', protocol: PROTOCOL_VERSION, token: companion.token });
    other.close();
    expect(welcome).toMatchObject({ type: 'welcome', capabilities: { schemaRegistry: true } });
    const topic = await topicNamed('ki-avro');
    const v1 = await register(REGISTRY!, `${topic}-value`, JSON.stringify(ORDER_V1));
    const v2 = await register(REGISTRY!, `${topic}-value`, JSON.stringify(ORDER_V2));
    const keyId = await register(REGISTRY!, `${topic}-key`, JSON.stringify(KEY_SCHEMA), 'JSON');
    const writeV1 = new AvroSerializer(sr, SerdeType.VALUE, { useSchemaId: v1 });
    const writeV2 = new AvroSerializer(sr, SerdeType.VALUE, { useSchemaId: v2 });
    const writeKey = new JsonSerializer(sr, SerdeType.KEY, { useLatestVersion: true });
    await client.ok({
      type: 'produce',
      topic,
      records: [
        { key: b64(await writeKey.serialize(topic, { region: 'eu' })), value: b64(await writeV1.serialize(topic, { id: 1234567890123, customer: { id: 'c-1' } })) },
        { key: b64(await writeKey.serialize(topic, { region: 'us' })), value: b64(await writeV2.serialize(topic, { id: 2, customer: { id: 'c-2' }, amount: Buffer.from([0x30, 0x39]) })) },
      ],
    });
    const [first, second] = await tail(topic, 2);
    expect(first?.value?.decoded).toEqual({ format: 'avro', schemaId: v1, subject: `${topic}-value`, version: 1, type: 'shop.Order', text: '{"id":"1234567890123","customer":{"id":"c-1"}}' });
    expect(second?.value?.decoded).toMatchObject({ format: 'avro', schemaId: v2, version: 2 });
    expect(JSON.parse(second!.value!.decoded!.text!)).toEqual({ id: '2', customer: { id: 'c-2' }, amount: '123.45' });
    expect(first?.key?.decoded).toEqual({ format: 'json-schema', schemaId: keyId, subject: `${topic}-key`, version: 1, type: 'OrderKey', text: '{"region":"eu"}' });
    // The raw bytes stay beside the decoded form.
    expect(first?.value?.encoding).toBe('binary');

    // CEL on a decoded Avro field, exactly as on JSON.
    const matched = await tail(topic, 1, { cel: 'value.customer.id == "c-2"' });
    expect(matched.map((r) => r.offset)).toEqual(['1']);
  });

  it('a Protobuf message that is not the file\'s first (index 1), importing another subject; produced by messageType, the same bytes', async () => {
    const topic = await topicNamed('ki-proto');
    await register(REGISTRY!, `${topic}-money`, MONEY_PROTO, 'PROTOBUF');
    const id = await register(REGISTRY!, `${topic}-value`, ORDER_PROTO, 'PROTOBUF', [{ name: 'shop/money.proto', subject: `${topic}-money`, version: 1 }]);
    const { registry, payment } = paymentDescriptors();
    const serializer = new ProtobufSerializer(sr, SerdeType.VALUE, { useLatestVersion: true, registry });
    const bytes = await serializer.serialize(topic, create(payment, { orderId: 'o-7', total: { currency: 'EUR', units: 9007199254740993n } } as never));
    // Confluent's framing: magic, id, then message indexes [1] (count 1, index 1: zigzag 2, 2).
    expect([...bytes.subarray(5, 7)]).toEqual([2, 2]);
    await client.ok({ type: 'produce', topic, records: [{ key: null, value: b64(bytes) }] });
    const [record] = await tail(topic, 1);
    expect(record?.value?.decoded).toMatchObject({ format: 'protobuf', schemaId: id, subject: `${topic}-value`, version: 1, type: 'shop.Payment' });
    expect(JSON.parse(record!.value!.decoded!.text!)).toEqual({ order_id: 'o-7', total: { currency: 'EUR', units: '9007199254740993' } });

    // The companion lists the file's message types, and producing the same JSON as `shop.Payment`
    // writes exactly the bytes Confluent's serializer wrote: header, indexes [1] and payload.
    expect(await client.ok({ type: 'getSchema', subject: `${topic}-value` })).toMatchObject({ messageTypes: ['shop.Header', 'shop.Payment'] });
    const text = JSON.stringify({ order_id: 'o-7', total: { currency: 'EUR', units: '9007199254740993' } });
    await client.ok({ type: 'produce', topic, records: [{ key: null, value: { encoding: 'json', text, schema: { subject: `${topic}-value`, messageType: 'shop.Payment' } } }] });
    const [, ours] = await tail(topic, 2);
    expect(ours?.value?.encoding).toBe('binary');
    expect(Buffer.from((ours!.value as { base64: string }).base64, 'base64').equals(bytes)).toBe(true);
  });

  it('a nested Protobuf message after a map field: its indexes skip the map\'s synthetic entry type, as Confluent\'s serializer does', async () => {
    const topic = await topicNamed('ki-proto-map');
    const id = await register(REGISTRY!, `${topic}-value`, STOCK_PROTO, 'PROTOBUF');
    const { registry, bin } = binDescriptors();
    const serializer = new ProtobufSerializer(sr, SerdeType.VALUE, { useLatestVersion: true, registry });
    const bytes = await serializer.serialize(topic, create(bin, { code: 'A-1' } as never));
    // Indexes [0, 0]: count 2, then Stock (0) and Bin (0, not 1: CountsEntry is not counted).
    expect([...bytes.subarray(5, 8)]).toEqual([4, 0, 0]);
    expect(await client.ok({ type: 'getSchema', subject: `${topic}-value` })).toMatchObject({ messageTypes: ['inv.Stock', 'inv.Stock.Bin'] });
    await client.ok({ type: 'produce', topic, records: [{ key: null, value: b64(bytes) }, { key: null, value: { encoding: 'json', text: '{"code":"A-1"}', schema: { subject: `${topic}-value`, messageType: 'inv.Stock.Bin' } } }] });
    const [theirs, ours] = await tail(topic, 2);
    expect(theirs?.value?.decoded).toMatchObject({ format: 'protobuf', schemaId: id, type: 'inv.Stock.Bin' });
    expect(JSON.parse(theirs!.value!.decoded!.text!)).toEqual({ code: 'A-1' });
    expect(Buffer.from((ours!.value as { base64: string }).base64, 'base64').equals(bytes)).toBe(true);
  });

  it('an unknown schema id: the record raw with the reason, the stream goes on', async () => {
    const topic = await topicNamed('ki-unknown');
    const id = await register(REGISTRY!, `${topic}-value`, JSON.stringify(ORDER_V1));
    const good = await new AvroSerializer(sr, SerdeType.VALUE, { useSchemaId: id }).serialize(topic, { id: 1, customer: { id: 'c' } });
    const unknown = Buffer.from([0, 0x7f, 0xff, 0xff, 0xf0, 2, 4]);
    await client.ok({ type: 'produce', topic, records: [{ key: null, value: b64(unknown) }, { key: null, value: b64(good) }] });
    const [raw, decoded] = await tail(topic, 2);
    expect(raw?.value).toMatchObject({ encoding: 'binary', base64: unknown.toString('base64'), decoded: { format: 'schema-registry', schemaId: 0x7ffffff0, error: expect.stringMatching(/not found/i) } });
    expect(decoded?.value?.decoded?.format).toBe('avro');
  });

  it('the schema cache makes registry calls O(schemas), not O(records) (counted)', async () => {
    const topic = testName('ki-count');
    const a = await register(REGISTRY!, `${topic}-value`, JSON.stringify(ORDER_V1));
    const serializer = new AvroSerializer(sr, SerdeType.VALUE, { useSchemaId: a });
    const records = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => ({ topic, partition: 0, offset: String(i), timestamp: '0', key: null, headers: [], value: await serializer.serialize(topic, { id: i, customer: { id: `c-${i}` } }) })),
    );
    // Its own URL spelling gives this test its own cache (and count).
    const settings = { registry: { url: `${REGISTRY}/` } };
    const decoder = createRecordDecoder(settings, topic);
    for (let i = 0; i < records.length; i += 100) {
      await decoder.prepare(records.slice(i, i + 100));
      for (const record of records.slice(i, i + 100)) expect(decoder.toWire(record, 65536).value?.decoded?.format).toBe('avro');
    }
    // One schema: GET /schemas/ids/{id} and GET /schemas/ids/{id}/versions, for 300 records in 3 batches.
    expect(schemaCacheFor(settings.registry).client.requests).toBe(2);
  });

  it('listSubjects is one GET /schemas?latestOnly=true, with the same answer as one call per subject (counted)', async () => {
    const prefix = testName('ki-list');
    await register(REGISTRY!, `${prefix}-a-value`, JSON.stringify(ORDER_V1));
    await register(REGISTRY!, `${prefix}-a-value`, JSON.stringify(ORDER_V2));
    await register(REGISTRY!, `${prefix}-b-value`, MONEY_PROTO, 'PROTOBUF');
    await register(REGISTRY!, `${prefix}-c-key`, JSON.stringify(KEY_SCHEMA), 'JSON');
    const request = { id: '1', type: 'listSubjects' as const, search: prefix.toUpperCase() };
    const registry = createRegistryClient({ url: REGISTRY! });
    const { subjects } = await schemaHandlers.listSubjects(request, () => registry);
    expect(registry.requests).toBe(1);
    expect(subjects.map((s) => [s.subject, s.type, s.latestVersion])).toEqual([
      [`${prefix}-a-value`, 'AVRO', 2],
      [`${prefix}-b-value`, 'PROTOBUF', 1],
      [`${prefix}-c-key`, 'JSON', 1],
    ]);
    // A registry without GET /schemas (the same client, that call hidden): one call per subject, the same answer.
    const older = createRegistryClient({ url: REGISTRY! });
    const { latestSchemas: _hidden, ...withoutIt } = older;
    const oneByOne = await schemaHandlers.listSubjects(request, () => withoutIt);
    expect(oneByOne.subjects).toEqual(subjects);
    expect(older.requests).toBeGreaterThan(3);
  });
});
