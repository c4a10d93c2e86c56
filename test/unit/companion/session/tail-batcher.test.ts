import type { WireRecord } from '@kafka-inspector/shared';
import { encodeRecord } from '../../../../companion/src/session/encoded-record';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordBatcher } from '../../../../companion/src/session/tail-batcher';

const record = (offset: number) => encodeRecord({ topic: 't', partition: 0, offset: String(offset), timestamp: '0', key: null, value: null, headers: [], size: 0 } as WireRecord);

describe('record batcher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function batcher() {
    vi.useFakeTimers();
    const sent: string[][] = [];
    const b = new RecordBatcher({ maxBatchRecords: 3, batchIntervalMs: 50 }, (records) => sent.push(records.map((r) => r.offset)), () => Date.now());
    return { b, sent };
  }

  it('sends a full batch at once', () => {
    const { b, sent } = batcher();
    for (let i = 0; i < 4; i++) b.push(record(i));
    expect(sent).toEqual([['0', '1', '2']]);
    expect(b.sent).toBe(3);
  });

  it('sends the first batch after a quiet spell at once, later ones at most every interval', () => {
    const { b, sent } = batcher();
    b.push(record(0));
    b.schedule();
    expect(sent).toEqual([['0']]);
    b.push(record(1));
    b.schedule();
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([['0'], ['1']]);
  });

  it('flushes on demand, and a disposed batcher sends nothing more', () => {
    const { b, sent } = batcher();
    b.push(record(0));
    b.flush();
    b.push(record(1));
    b.schedule();
    b.dispose();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([['0']]);
    expect(b.sent).toBe(1);
  });
});
