import { describe, expect, it } from 'vitest';
import { DEMO_TOPICS, demoRecord, seededRandom } from '../../../../companion/src/demo/demo-events';

const now = new Date('2026-11-24T10:00:00Z');

describe('demo events', () => {
  it.each(['orders', 'payments', 'page-views'] as const)('%s carry a key, JSON value and a content-type header', (topic) => {
    const record = demoRecord(topic, seededRandom(7), now);
    expect(record.key?.length).toBeGreaterThan(0);
    const value = JSON.parse(record.value!.toString('utf8')) as Record<string, unknown>;
    expect(value.at).toBe(now.toISOString());
    expect(record.headers.find((h) => h.key === 'content-type')?.value?.toString()).toBe('application/json');
  });

  it('orders add up: the total is the sum of item price times quantity', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 50; i++) {
      const order = JSON.parse(demoRecord('orders', random, now).value!.toString()) as { items: Array<{ price: number; qty: number }>; total: number };
      const sum = order.items.reduce((acc, item) => acc + item.price * item.qty, 0);
      expect(order.total).toBeCloseTo(sum, 2);
    }
  });

  it('sensor readings are binary and audit lines are plain text without a key', () => {
    const random = seededRandom(11);
    expect(demoRecord('sensor-readings', random, now).value).toHaveLength(12);
    const audit = demoRecord('audit-log', random, now);
    expect(audit.key).toBeNull();
    expect(audit.value!.toString()).toMatch(/^2026-11-24T10:00:00.000Z (INFO|WARN) user=cus-\w+ action=/);
  });

  it('the same seed gives the same events, another seed others', () => {
    const a = DEMO_TOPICS.map(({ name }) => demoRecord(name, seededRandom(5), now).value!.toString('base64'));
    const b = DEMO_TOPICS.map(({ name }) => demoRecord(name, seededRandom(5), now).value!.toString('base64'));
    const c = DEMO_TOPICS.map(({ name }) => demoRecord(name, seededRandom(6), now).value!.toString('base64'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});
