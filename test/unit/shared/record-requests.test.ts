import { ClientMessageSchema, RECORDS_BEFORE_MAX, ServerMessageSchema } from '@kafka-inspector/shared';
import { describe, expect, it } from 'vitest';

describe('recordGet and recordsBefore frames', () => {
  it('accept coordinates, refuse negative or non-decimal offsets and unknown fields', () => {
    expect(ClientMessageSchema.safeParse({ id: '1', type: 'recordGet', topic: 'orders', partition: 0, offset: '12' }).success).toBe(true);
    expect(ClientMessageSchema.safeParse({ id: '1', type: 'recordGet', cluster: 'prod', topic: 'orders', partition: 0, offset: '12' }).success).toBe(true);
    expect(ClientMessageSchema.safeParse({ id: '1', type: 'recordGet', topic: 'orders', partition: 0, offset: '-1' }).success).toBe(false);
    expect(ClientMessageSchema.safeParse({ id: '1', type: 'recordGet', topic: 'orders', partition: 0, offset: 12 }).success).toBe(false);
    expect(ClientMessageSchema.safeParse({ id: '1', type: 'recordGet', topic: 'orders', partition: 0, offset: '1', full: true }).success).toBe(false);
  });

  it('recordsBefore takes 1 to RECORDS_BEFORE_MAX records', () => {
    const frame = (count: number) => ({ id: '1', type: 'recordsBefore', topic: 'orders', partition: 1, before: '500', count });
    expect(ClientMessageSchema.safeParse(frame(1)).success).toBe(true);
    expect(ClientMessageSchema.safeParse(frame(RECORDS_BEFORE_MAX)).success).toBe(true);
    expect(ClientMessageSchema.safeParse(frame(0)).success).toBe(false);
    expect(ClientMessageSchema.safeParse(frame(RECORDS_BEFORE_MAX + 1)).success).toBe(false);
  });

  it('results round-trip as result frames', () => {
    const record = { topic: 'orders', partition: 0, offset: '12', timestamp: '1795503945556', key: null, value: { encoding: 'text', text: 'hi', size: 2 }, headers: [], size: 2 };
    expect(ServerMessageSchema.safeParse({ type: 'result', id: '1', ok: true, request: 'recordGet', result: { record, low: '0', high: '13' } }).success).toBe(true);
    expect(ServerMessageSchema.safeParse({ type: 'result', id: '1', ok: true, request: 'recordsBefore', result: { records: [record], low: '0' } }).success).toBe(true);
    expect(ServerMessageSchema.safeParse({ type: 'result', id: '1', ok: true, request: 'recordGet', result: { low: '0', high: '13' } }).success).toBe(false);
  });
});
