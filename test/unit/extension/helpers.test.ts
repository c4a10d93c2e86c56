import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../extension/src/bridge/backoff';
import { exportRecords } from '../../../extension/src/store/export-records';
import { globMatches, produceAllowed } from '../../../extension/src/store/glob';
import { kcatCommand } from '../../../extension/src/store/kcat-command';
import { formToRecords, emptyForm, validateForm } from '../../../extension/src/store/produce-slice';
import { quickFilter } from '../../../extension/src/store/quick-filter';
import { fakeRecord } from './records';

describe('quickFilter', () => {
  const records = [
    fakeRecord({ offset: '0', key: { encoding: 'text', text: 'order-1', size: 7 } }),
    fakeRecord({ offset: '1', value: { encoding: 'json', text: '{"status":"PAID"}', size: 17 } }),
    fakeRecord({ offset: '2', headers: [{ key: 'trace-id', value: { encoding: 'text', text: 'abc', size: 3 } }] }),
  ];
  it('matches key, value and headers case-insensitively; empty shows all', () => {
    expect(quickFilter(records, 'ORDER').map((r) => r.offset)).toEqual(['0']);
    expect(quickFilter(records, 'paid').map((r) => r.offset)).toEqual(['1']);
    expect(quickFilter(records, 'trace-id=abc').map((r) => r.offset)).toEqual(['2']);
    expect(quickFilter(records, '  ')).toBe(records);
  });
  it('leaves no trace on the records it has indexed: keys, JSON and copies are as before', () => {
    const record = fakeRecord({ offset: '7' });
    const before = { keys: Object.keys(record), json: JSON.stringify(record), copy: { ...record } };
    expect(quickFilter([record], 'k')).toEqual([record]);
    expect(Object.keys(record)).toEqual(before.keys);
    expect(JSON.stringify(record)).toBe(before.json);
    expect({ ...record }).toEqual(before.copy);
  });
});

describe('exportRecords', () => {
  const record = fakeRecord({ value: { encoding: 'json', text: '{"a":"x,y"}', size: 11 }, headers: [{ key: 'h', value: { encoding: 'binary', base64: 'AAE=', size: 2 } }] });
  it('NDJSON: one JSON object per line, JSON values parsed, bytes as base64', () => {
    expect(JSON.parse(exportRecords([record], 'ndjson').trim())).toEqual({ topic: 'orders', partition: 0, offset: '0', timestamp: '2026-11-24T07:05:45.000Z', timestampMs: '1795503945000', key: 'k', value: { a: 'x,y' }, headers: [{ key: 'h', value: { base64: 'AAE=' } }], size: 8 });
  });
  it('JSON: an array', () => {
    expect(JSON.parse(exportRecords([record, record], 'json'))).toHaveLength(2);
  });
  it('CSV: a header row and quoted cells', () => {
    const lines = exportRecords([record], 'csv').trim().split('\n');
    expect(lines[0]).toBe('topic,partition,offset,timestamp,timestampMs,key,value,headers,size');
    expect(lines[1]!.startsWith('orders,0,0,2026-11-24T07:05:45.000Z,1795503945000,k,')).toBe(true);
    expect(lines[1]).toContain('"{""a"":""x,y""}"');
  });
});

describe('kcatCommand', () => {
  it('reads exactly this record again, shell-quoted', () => {
    expect(kcatCommand(fakeRecord({ topic: "it's", partition: 2, offset: '41' }), ['b1:9092', 'b2:9092'])).toBe(`kcat -C -b 'b1:9092,b2:9092' -t 'it'\\''s' -p 2 -o 41 -c 1 -J`);
  });
});

describe('produce allow-list mirror', () => {
  it('matches globs and explains refusals', () => {
    expect(globMatches('qa-*', 'qa-orders')).toBe(true);
    expect(globMatches('qa-*', 'prod.qa-orders')).toBe(false);
    expect(globMatches('a.b?', 'a.bc')).toBe(true);
    expect(produceAllowed({ readOnly: true, produceAllowList: null }, 't')).toMatchObject({ ok: false, reason: expect.stringMatching(/read-only/) });
    expect(produceAllowed({ readOnly: false, produceAllowList: ['qa-*'] }, 'prod')).toMatchObject({ ok: false, reason: expect.stringMatching(/allow-list/) });
    expect(produceAllowed({ readOnly: false, produceAllowList: ['qa-*'] }, 'qa-1')).toEqual({ ok: true });
  });
});

describe('produce form', () => {
  it('validates JSON, partitions and copies', () => {
    expect(validateForm({ ...emptyForm(), topic: 't', value: '{' })).toMatch(/not valid JSON/);
    expect(validateForm({ ...emptyForm(), topic: 't', value: '{}', partition: 'x' })).toMatch(/partition/);
    expect(validateForm({ ...emptyForm(), topic: 't', value: '{}', copies: 0 })).toMatch(/Copies/);
    expect(validateForm({ ...emptyForm(), topic: 't', tombstone: true, value: '{' })).toBeNull();
  });
  it('makes N copies with headers, tombstones and a chosen partition', () => {
    const records = formToRecords({ ...emptyForm(), topic: 't', partition: '2', key: 'k', value: '{"a":1}', headers: [{ key: 'h', value: 'v' }], copies: 3 });
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual({ partition: 2, key: { encoding: 'text', text: 'k' }, value: { encoding: 'json', text: '{"a":1}' }, headers: [{ key: 'h', value: { encoding: 'text', text: 'v' } }] });
    expect(formToRecords({ ...emptyForm(), topic: 't', tombstone: true, keyIsNull: true })[0]).toMatchObject({ key: null, value: null });
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter between half and the full ceiling, capped', () => {
    expect(backoffDelay(1, () => 0)).toBe(125);
    expect(backoffDelay(1, () => 1)).toBe(250);
    expect(backoffDelay(3, () => 0.5)).toBe(750);
    expect(backoffDelay(20, () => 1)).toBe(10_000);
  });
});
