import { describe, expect, it } from 'vitest';
import { appendRecords, compareDecimal, emptyHeld } from '../../../extension/src/store/record-buffer';
import { fakeRecord } from './records';

const at = (partition: number, offset: number, timestamp: number) => fakeRecord({ partition, offset: String(offset), timestamp: String(timestamp) });
const ids = (records: Array<{ partition: number; offset: string }>) => records.map((r) => `${r.partition}:${r.offset}`);

describe('appendRecords', () => {
  it('keeps at most `max` records and counts the oldest dropped', () => {
    let held = emptyHeld();
    for (let i = 0; i < 5; i++) held = appendRecords(held, [at(0, i * 2, i * 2), at(0, i * 2 + 1, i * 2 + 1)], 4);
    expect(ids(held.records)).toEqual(['0:6', '0:7', '0:8', '0:9']);
    expect(held.dropped).toBe(6);
  });

  it('merges partitions in timestamp order, also when a batch is older than what is held', () => {
    let held = appendRecords(emptyHeld(), [at(0, 0, 100), at(0, 1, 300)], 100);
    held = appendRecords(held, [at(1, 0, 200), at(1, 1, 400), at(2, 0, 50)], 100);
    expect(ids(held.records)).toEqual(['2:0', '0:0', '1:0', '0:1', '1:1']);
  });

  it('orders equal timestamps by partition then offset', () => {
    const held = appendRecords(emptyHeld(), [at(1, 5, 10), at(0, 6, 10), at(0, 7, 10)], 10);
    expect(ids(held.records)).toEqual(['0:6', '0:7', '1:5']);
  });

  it('drops duplicates by (partition, offset): a resumed stream may resend what is held', () => {
    let held = appendRecords(emptyHeld(), [at(0, 0, 1), at(0, 1, 2), at(1, 0, 3)], 100);
    held = appendRecords(held, [at(0, 1, 2), at(0, 2, 4), at(1, 0, 3), at(1, 1, 5)], 100);
    expect(ids(held.records)).toEqual(['0:0', '0:1', '1:0', '0:2', '1:1']);
  });

  it('returns the same state for a batch of nothing but duplicates', () => {
    const held = appendRecords(emptyHeld(), [at(0, 0, 1)], 10);
    expect(appendRecords(held, [at(0, 0, 1)], 10).records).toBe(held.records);
  });

  it('appends 100,000 records in batches of 500 without quadratic cost', () => {
    let held = emptyHeld();
    const started = performance.now();
    for (let b = 0; b < 200; b++) held = appendRecords(held, Array.from({ length: 500 }, (_, i) => at(b % 4, b * 500 + i, b * 500 + i)), 50_000);
    expect(held.records).toHaveLength(50_000);
    expect(held.dropped).toBe(50_000);
    // Not a timing test: this bounds work, so a quadratic merge (seconds) fails while any sane one passes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('compareDecimal', () => {
  it('orders 64-bit decimal strings as BigInt does, -1 timestamps and leading zeros included', () => {
    const values = ['0', '1', '9', '10', '-1', '-10', '007', '7', '99', '100', '1764000000000', '1764000000001', '9223372036854775807', '-9223372036854775808', '00', '12345678901234567'];
    const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
    for (const a of values) {
      for (const b of values) {
        const expected = BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
        expect(sign(compareDecimal(a, b)), `${a} vs ${b}`).toBe(expected);
      }
    }
  });
});
