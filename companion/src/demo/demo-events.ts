import type { RawOutgoingRecord } from '../kafka/gateway';
import { encodeShipment, encodeStockLevel } from './demo-schemas';

/** The demo topics and their partition counts. */
export const DEMO_TOPICS = [
  { name: 'orders', partitions: 3 },
  { name: 'payments', partitions: 3 },
  { name: 'page-views', partitions: 6 },
  { name: 'audit-log', partitions: 1 },
  { name: 'sensor-readings', partitions: 2 },
  // Avro and Protobuf values, decoded from the demo profile's local schemas (demo-schemas.ts).
  { name: 'shipments', partitions: 2 },
  { name: 'inventory', partitions: 1 },
] as const;

export type DemoTopic = (typeof DEMO_TOPICS)[number]['name'];

/** A deterministic pseudo-random source, so a demo run and its tests are repeatable. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: tiny, fast and good enough for made-up events.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const id = (random: Random, prefix: string) => `${prefix}-${Math.floor(random() * 1e6).toString().padStart(6, '0')}`;
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const header = (key: string, value: string) => ({ key, value: Buffer.from(value) });

const CUSTOMERS = ['cus-ada', 'cus-grace', 'cus-linus', 'cus-margaret', 'cus-ken', 'cus-barbara'];
const PRODUCTS = [
  { sku: 'KB-104', name: 'Mechanical keyboard', price: 89.9 },
  { sku: 'MS-220', name: 'Wireless mouse', price: 24.5 },
  { sku: 'MN-270', name: '27" monitor', price: 239 },
  { sku: 'HD-010', name: 'USB-C hub', price: 39.99 },
  { sku: 'CB-001', name: 'Cable pack', price: 9.5 },
];
const PAGES = ['/', '/products', '/products/KB-104', '/cart', '/checkout', '/account', '/search?q=monitor'];
const AGENTS = ['Chrome/131 macOS', 'Firefox/133 Linux', 'Safari/18 iOS', 'Chrome/131 Android'];

/** One realistic record for a demo topic: JSON values, keys and headers as real services send them. */
export function demoRecord(topic: DemoTopic, random: Random, now: Date): RawOutgoingRecord {
  const at = now.toISOString();
  switch (topic) {
    case 'orders': {
      const customer = pick(random, CUSTOMERS);
      const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ ...pick(random, PRODUCTS), qty: 1 + Math.floor(random() * 2) }));
      const total = Math.round(items.reduce((sum, item) => sum + item.price * item.qty, 0) * 100) / 100;
      const orderId = id(random, 'ord');
      return {
        key: Buffer.from(orderId),
        value: json({ orderId, customer, status: pick(random, ['created', 'paid', 'shipped']), items, total, currency: 'EUR', at }),
        headers: [header('content-type', 'application/json'), header('trace-id', id(random, 'trace')), header('source', 'checkout-service')],
      };
    }
    case 'payments': {
      const paymentId = id(random, 'pay');
      return {
        key: Buffer.from(id(random, 'ord')),
        value: json({ paymentId, method: pick(random, ['card', 'paypal', 'sepa']), amount: Math.round(random() * 30000) / 100, currency: 'EUR', outcome: random() < 0.92 ? 'approved' : 'declined', at }),
        headers: [header('content-type', 'application/json'), header('source', 'payment-gateway')],
      };
    }
    case 'page-views': {
      const session = id(random, 'sess');
      return {
        key: Buffer.from(session),
        value: json({ session, path: pick(random, PAGES), referrer: random() < 0.3 ? 'https://search.example/' : null, userAgent: pick(random, AGENTS), durationMs: Math.floor(random() * 8000), at }),
        headers: [header('content-type', 'application/json')],
      };
    }
    case 'audit-log':
      return {
        key: null,
        value: Buffer.from(`${at} ${pick(random, ['INFO', 'INFO', 'WARN'])} user=${pick(random, CUSTOMERS)} action=${pick(random, ['login', 'logout', 'update-address', 'export-data'])}`),
        headers: [header('content-type', 'text/plain')],
      };
    case 'sensor-readings': {
      // Binary on purpose: shows how the inspector presents bytes that are not text.
      const value = Buffer.alloc(12);
      value.writeUInt32BE(Math.floor(random() * 64), 0);
      value.writeFloatBE(18 + random() * 8, 4);
      value.writeFloatBE(30 + random() * 30, 8);
      return { key: Buffer.from(`sensor-${Math.floor(random() * 8)}`), value, headers: [header('content-type', 'application/x-sensor-v1')] };
    }
    case 'shipments': {
      const shipmentId = id(random, 'shp');
      const carrier = pick(random, ['DHL', 'UPS', 'POSTNL', 'DPD']);
      const value = encodeShipment({ shipmentId, orderId: id(random, 'ord'), carrier, weightGrams: 200 + Math.floor(random() * 5000), cents: 399 + Math.floor(random() * 2000), shippedAt: now.getTime(), tracking: random() < 0.8 ? `${carrier}${Math.floor(random() * 1e9)}` : null });
      return { key: Buffer.from(shipmentId), value, headers: [header('content-type', 'application/avro')] };
    }
    case 'inventory': {
      const sku = pick(random, PRODUCTS).sku;
      const [code, city] = pick(random, [['AMS-1', 'Amsterdam'], ['BER-2', 'Berlin'], ['LYS-1', 'Lyon']] as const);
      const value = encodeStockLevel({ sku, warehouse: { code, city }, on_hand: Math.floor(random() * 500), reserved: Math.floor(random() * 40), counted_at: { seconds: Math.floor(now.getTime() / 1000), nanos: (now.getTime() % 1000) * 1e6 } });
      return { key: Buffer.from(`${code}/${sku}`), value, headers: [header('content-type', 'application/x-protobuf')] };
    }
  }
}
