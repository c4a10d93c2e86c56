import { describe, expect, it } from 'vitest';
import { assertMayProduce, toRawRecords } from '../../../../companion/src/session/produce-policy';

describe('assertMayProduce', () => {
  it('refuses everything when read-only', () => {
    expect(() => assertMayProduce({ readOnly: true, produceAllowList: null }, 'any')).toThrow(expect.objectContaining({ code: 'READ_ONLY' }));
  });

  it('allows only topics matching an allow-list glob', () => {
    const config = { readOnly: false, produceAllowList: ['qa-*', 'test.*.events'] };
    expect(() => assertMayProduce(config, 'qa-orders')).not.toThrow();
    expect(() => assertMayProduce(config, 'test.eu.events')).not.toThrow();
    expect(() => assertMayProduce(config, 'prod-orders')).toThrow(expect.objectContaining({ code: 'FORBIDDEN_TOPIC' }));
    expect(() => assertMayProduce({ readOnly: false, produceAllowList: null }, 'prod-orders')).not.toThrow();
  });
});

describe('toRawRecords', () => {
  it('encodes keys, values and headers to bytes', () => {
    const [raw] = toRawRecords([{ partition: 1, key: { encoding: 'text', text: 'k' }, value: { encoding: 'binary', base64: 'AAE=' }, headers: [{ key: 'h', value: null }] }], 100);
    expect(raw).toEqual({ partition: 1, key: Buffer.from('k'), value: Buffer.from([0, 1]), headers: [{ key: 'h', value: null }] });
  });

  it('counts key, value and header bytes against the limit', () => {
    const record = { key: { encoding: 'text' as const, text: 'kk' }, value: { encoding: 'text' as const, text: 'vvvv' }, headers: [{ key: 'h', value: { encoding: 'text' as const, text: 'x' } }] };
    expect(toRawRecords([record], 8)).toHaveLength(1);
    expect(() => toRawRecords([record], 7)).toThrow(expect.objectContaining({ code: 'TOO_LARGE', details: { index: 0, size: 8, limit: 7 } }));
  });

  it('names the record whose value does not encode', () => {
    expect(() => toRawRecords([{ value: null }, { value: { encoding: 'json', text: '{' } }], 100)).toThrow(expect.objectContaining({ code: 'BAD_FRAME', details: { index: 1 } }));
  });
});
