import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHEMAS, encodeShipment, encodeStockLevel } from '../../companion/src/demo/demo-schemas';
import { createTestTopic, deleteTestTopics, testBrokers } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

/**
 * Local schema files bound to topics (no registry), forced decoders on tailStart, and CEL on a
 * decoded value, through a companion and a broker (the mock broker by default, a real one with
 * KAFKA_BROKERS). The bytes are written by avsc and protobufjs, as producers of such topics would.
 */
describe('records decoded from local schema files and forced decoders (issue 11)', () => {
  let companion: TestCompanion;
  let client: TestClient;
  let avroTopic: string;
  let protoTopic: string;

  beforeAll(async () => {
    avroTopic = await createTestTopic(1, 'ki-local-avro');
    protoTopic = await createTestTopic(1, 'ki-local-proto');
    companion = await startTestCompanion({
      clusters: [{ name: 'test', brokers: testBrokers(), schemas: { [avroTopic]: DEMO_SCHEMAS.shipments!, [protoTopic]: DEMO_SCHEMAS.inventory! } }],
    });
    client = await TestClient.paired(companion.wsUrl, companion.token);
    const shipment = (n: number) => encodeShipment({ shipmentId: `shp-${n}`, orderId: `ord-${n}`, carrier: 'DHL', weightGrams: 100 * n, cents: 1234, shippedAt: 1_700_000_000_000, tracking: null });
    const big = Buffer.alloc(8);
    big.writeBigInt64BE(9007199254740993n);
    await client.ok({ type: 'produce', topic: avroTopic, records: [1, 2].map((n) => ({ key: { encoding: 'binary' as const, base64: big.toString('base64') }, value: { encoding: 'binary' as const, base64: shipment(n).toString('base64') } })) });
    const stock = encodeStockLevel({ sku: 'KB-104', warehouse: { code: 'AMS-1', city: 'Amsterdam' }, on_hand: 5, reserved: 2, counted_at: { seconds: 1_700_000_000, nanos: 0 } });
    await client.ok({ type: 'produce', topic: protoTopic, records: [{ key: null, value: { encoding: 'binary', base64: stock.toString('base64') } }] });
  });
  afterAll(async () => {
    client?.close();
    await companion?.close();
    await deleteTestTopics([avroTopic, protoTopic].filter(Boolean));
  });

  it('an Avro topic decodes with its .avsc; a forced int64 key; CEL on a decoded field', async () => {
    const { streamId } = await client.ok({ type: 'tailStart', topic: avroTopic, start: { from: 'earliest' }, decoders: { key: 'int64' }, filter: { cel: 'value.shipmentId == "shp-2"' } });
    const [record] = await client.waitForRecords(streamId, 1);
    expect(record?.offset).toBe('1');
    expect(record?.key?.decoded).toEqual({ format: 'int64', text: '"9007199254740993"' });
    expect(record?.value?.decoded).toMatchObject({ format: 'avro', schema: 'demo/shipment.avsc', type: 'demo.logistics.Shipment' });
    expect(JSON.parse(record!.value!.decoded!.text!)).toEqual({ shipmentId: 'shp-2', orderId: 'ord-2', carrier: 'DHL', weightGrams: 200, cost: '12.34', shippedAt: '2023-11-14T22:13:20.000Z', tracking: null });
    await client.ok({ type: 'tailStop', streamId });
  });

  it('a Protobuf topic decodes with its .proto; forcing protobuf-raw shows field numbers instead', async () => {
    const { streamId } = await client.ok({ type: 'tailStart', topic: protoTopic, start: { from: 'earliest' } });
    const [record] = await client.waitForRecords(streamId, 1);
    expect(JSON.parse(record!.value!.decoded!.text!)).toEqual({ sku: 'KB-104', warehouse: { code: 'AMS-1', city: 'Amsterdam' }, on_hand: 5, reserved: '2', counted_at: '2023-11-14T22:13:20Z' });
    const raw = await client.ok({ type: 'tailStart', topic: protoTopic, start: { from: 'earliest' }, decoders: { value: 'protobuf-raw' } });
    const [rawRecord] = await client.waitForRecords(raw.streamId, 1);
    expect(rawRecord?.value?.decoded).toMatchObject({ format: 'protobuf-raw' });
    expect(JSON.parse(rawRecord!.value!.decoded!.text!)).toMatchObject({ '1': 'KB-104', '2': { '1': 'AMS-1', '2': 'Amsterdam' }, '3': 5, '4': 2 });
  });

  it('recordGet and recordsBefore decode like the tail (the record detail matches the row)', async () => {
    const got = await client.ok({ type: 'recordGet', topic: avroTopic, partition: 0, offset: '1' });
    expect(got.record.value?.decoded).toMatchObject({ format: 'avro', type: 'demo.logistics.Shipment' });
    const before = await client.ok({ type: 'recordsBefore', topic: avroTopic, partition: 0, before: '1', count: 5 });
    expect(before.records.map((r) => r.value?.decoded?.format)).toEqual(['avro']);
  });

  it('an unknown decoder name is refused at tailStart', async () => {
    expect(await client.fails({ type: 'tailStart', topic: protoTopic, start: { from: 'earliest' }, decoders: { value: 'rot13' as never } })).toMatchObject({ code: 'BAD_FRAME' });
  });
});
