import avro from 'avsc';
import protobuf from 'protobufjs';
import type { TopicDecoderSettings } from '../codec/record-decoder';

/**
 * The demo's schema-encoded topics (issue 11): `shipments` values are Avro and `inventory` values
 * Protobuf, both decoded by the companion from local schema files bound in the demo profile (the
 * demo has no registry), so a first run shows decoding. The generator encodes them with avsc and
 * protobufjs, as producers of such topics would.
 */
export const SHIPMENT_AVSC = JSON.stringify({
  type: 'record',
  name: 'Shipment',
  namespace: 'demo.logistics',
  fields: [
    { name: 'shipmentId', type: 'string' },
    { name: 'orderId', type: 'string' },
    { name: 'carrier', type: { type: 'enum', name: 'Carrier', symbols: ['DHL', 'UPS', 'POSTNL', 'DPD'] } },
    { name: 'weightGrams', type: 'int' },
    { name: 'cost', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
    { name: 'shippedAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'tracking', type: ['null', 'string'], default: null },
  ],
});

export const INVENTORY_PROTO = `syntax = "proto3";
package demo.inventory;

import "google/protobuf/timestamp.proto";

message Warehouse {
  string code = 1;
  string city = 2;
}

message StockLevel {
  string sku = 1;
  Warehouse warehouse = 2;
  int32 on_hand = 3;
  int64 reserved = 4;
  google.protobuf.Timestamp counted_at = 5;
}
`;

/** The demo profile's local schemas, as the config file's `schemas` would give them. */
export const DEMO_SCHEMAS: Record<string, TopicDecoderSettings> = {
  shipments: { value: { schema: { file: 'demo/shipment.avsc', format: 'avro', contents: SHIPMENT_AVSC } } },
  inventory: { value: { schema: { file: 'demo/inventory.proto', format: 'protobuf', contents: INVENTORY_PROTO, messageType: 'demo.inventory.StockLevel' } } },
};

const shipmentType = avro.Type.forSchema(JSON.parse(SHIPMENT_AVSC) as avro.Schema);
let stockLevel: protobuf.Type | null = null;

export function encodeShipment(value: { shipmentId: string; orderId: string; carrier: string; weightGrams: number; cents: number; shippedAt: number; tracking: string | null }): Buffer {
  const cost = Buffer.alloc(4);
  cost.writeInt32BE(value.cents);
  const { cents: _cents, ...rest } = value;
  return shipmentType.toBuffer({ ...rest, cost });
}

export function encodeStockLevel(value: { sku: string; warehouse: { code: string; city: string }; on_hand: number; reserved: number; counted_at: { seconds: number; nanos: number } }): Buffer {
  if (!stockLevel) {
    const root = new protobuf.Root();
    root.addJSON(protobuf.common.get('google/protobuf/timestamp.proto')!.nested!);
    protobuf.parse(INVENTORY_PROTO, root, { keepCase: true });
    stockLevel = root.lookupType('demo.inventory.StockLevel');
  }
  return Buffer.from(stockLevel.encode(stockLevel.fromObject(value)).finish());
}
