import { describe, expect, it } from 'vitest';
import { createRecordDecoder } from '../../../../companion/src/codec/record-decoder';
import { demoRecord, seededRandom } from '../../../../companion/src/demo/demo-events';
import { DEMO_SCHEMAS } from '../../../../companion/src/demo/demo-schemas';

const now = new Date('2026-11-24T10:00:00.250Z');

describe('the demo Avro and Protobuf topics decode from their local schemas (issue 11)', () => {
  it('shipments: Avro, with its decimal and timestamp readable', () => {
    const record = { topic: 'shipments', partition: 0, offset: '0', timestamp: '0', ...demoRecord('shipments', seededRandom(4), now) };
    const decoded = createRecordDecoder({ topics: DEMO_SCHEMAS }, 'shipments').toWire(record, 65536).value?.decoded;
    expect(decoded).toMatchObject({ format: 'avro', schema: 'demo/shipment.avsc', type: 'demo.logistics.Shipment' });
    const value = JSON.parse(decoded!.text!) as Record<string, unknown>;
    expect(value.shippedAt).toBe('2026-11-24T10:00:00.250Z');
    expect(value.cost).toMatch(/^\d+\.\d\d$/);
  });

  it('inventory: Protobuf, the second message of the file, with its Timestamp readable', () => {
    const record = { topic: 'inventory', partition: 0, offset: '0', timestamp: '0', ...demoRecord('inventory', seededRandom(4), now) };
    const decoded = createRecordDecoder({ topics: DEMO_SCHEMAS }, 'inventory').toWire(record, 65536).value?.decoded;
    expect(decoded).toMatchObject({ format: 'protobuf', schema: 'demo/inventory.proto', type: 'demo.inventory.StockLevel' });
    const value = JSON.parse(decoded!.text!) as Record<string, unknown>;
    expect(value).toMatchObject({ counted_at: '2026-11-24T10:00:00.250Z', warehouse: { code: expect.any(String) } });
    expect(typeof value.reserved).toBe('string');
  });
});
