import { describe, expect, it } from 'vitest';
import type { PartitionFetcher } from '../../../../companion/src/kafka/partition-fetcher';
import { assertLooksUpByTime, resolveStarts, skippedAtStart, startOffset } from '../../../../companion/src/kafka/start-offsets';

describe('startOffset', () => {
  it.each([
    [{ from: 'latest' as const }, '100'],
    [{ from: 'earliest' as const }, '10'],
    [{ from: 'offset' as const, offset: '50' }, '50'],
    [{ from: 'offset' as const, offset: '5' }, '10'],
    [{ from: 'offset' as const, offset: '9223372036854775807' }, '100'],
    [{ from: 'lastN' as const, count: 30 }, '70'],
    [{ from: 'lastN' as const, count: 1000 }, '10'],
    [{ from: 'positions' as const, positions: { '3': '42' } }, '42'],
    [{ from: 'positions' as const, positions: { '4': '42' } }, '100'],
  ])('%j on partition 3 with low 10, high 100 -> %s', (start, expected) => {
    expect(startOffset(start, 3, '10', '100')).toBe(expected);
  });

  it('uses the ListOffsets answer for a timestamp, or the end when there is no later record (-1)', () => {
    expect(startOffset({ from: 'timestamp', timestamp: 1 }, 0, '10', '100', '64')).toBe('64');
    expect(startOffset({ from: 'timestamp', timestamp: 1 }, 0, '10', '100', '-1')).toBe('100');
  });
});

describe('skippedAtStart', () => {
  it('reports a resume point or an absolute offset below the log start as skipped [wanted, low)', () => {
    expect(skippedAtStart({ from: 'positions', positions: { '3': '4' } }, 3, '10')).toEqual({ partition: 3, from: '4', to: '10' });
    expect(skippedAtStart({ from: 'offset', offset: '0' }, 3, '10')).toEqual({ partition: 3, from: '0', to: '10' });
  });

  it('skips nothing at or above the log start, for partitions without a resume point, or for other starts', () => {
    expect(skippedAtStart({ from: 'positions', positions: { '3': '10' } }, 3, '10')).toBeNull();
    expect(skippedAtStart({ from: 'positions', positions: { '4': '1' } }, 3, '10')).toBeNull();
    expect(skippedAtStart({ from: 'offset', offset: '9223372036854775807' }, 3, '10')).toBeNull();
    expect(skippedAtStart({ from: 'earliest' }, 3, '10')).toBeNull();
    expect(skippedAtStart({ from: 'lastN', count: 1000 }, 3, '10')).toBeNull();
    expect(skippedAtStart({ from: 'timestamp', timestamp: 0 }, 3, '10')).toBeNull();
  });
});

describe('resolveStarts', () => {
  const notLeader = Object.assign(new Error('This server is not the leader for that topic-partition'), { name: 'KafkaJSProtocolError', type: 'NOT_LEADER_FOR_PARTITION' });
  /** A cluster whose ListOffsets fails `failures` times (a topic created a moment ago), then answers. */
  const cluster = (failures: number, error: Error = notLeader) => {
    const calls = { listOffsets: 0, refreshMetadata: 0 };
    const fake = {
      calls,
      refreshMetadata: async () => {
        calls.refreshMetadata++;
      },
      listOffsets: async (_topic: string, partitions: number[], at: { fromBeginning?: boolean }) => {
        calls.listOffsets++;
        if (calls.listOffsets <= failures) throw error;
        return new Map(partitions.map((partition) => [partition, at.fromBeginning ? '5' : '20']));
      },
    };
    return fake as unknown as PartitionFetcher & { calls: typeof calls };
  };

  it('retries ListOffsets after a metadata refresh while the leader is not ready', async () => {
    const c = cluster(3);
    const { starts, skipped } = await resolveStarts(c, 't', [0, 1], { from: 'positions', positions: { '0': '2', '1': '7' } }, [1, 1, 1, 1]);
    expect(starts).toEqual([
      { partition: 0, offset: '5', low: '5', high: '20' },
      { partition: 1, offset: '7', low: '5', high: '20' },
    ]);
    expect(skipped).toEqual([{ partition: 0, from: '2', to: '5' }]);
    expect(c.calls.refreshMetadata).toBeGreaterThanOrEqual(1);
  });

  it('gives up after its bounded retries, and at once on errors a refresh cannot cure', async () => {
    await expect(resolveStarts(cluster(100), 't', [0], { from: 'earliest' }, [1, 1])).rejects.toMatchObject({ type: 'NOT_LEADER_FOR_PARTITION' });
    const denied = cluster(1, Object.assign(new Error('denied'), { name: 'KafkaJSProtocolError', type: 'TOPIC_AUTHORIZATION_FAILED' }));
    await expect(resolveStarts(denied, 't', [0], { from: 'earliest' }, [1, 1])).rejects.toThrow('denied');
    expect(denied.calls.refreshMetadata).toBe(0);
  });
});

describe('assertLooksUpByTime (issue 16: a timestamp start on a broker that answers the log end)', () => {
  const m = (entries: Array<[number, string]>) => new Map(entries);
  it('refuses with UNSUPPORTED_BY_BROKER when a partition holding records maps time 0 to its end', () => {
    expect(() => assertLooksUpByTime('t', [0, 1], m([[0, '0'], [1, '0']]), m([[0, '0'], [1, '5']]), m([[0, '0'], [1, '5']]))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_BY_BROKER' }),
    );
    expect(() => assertLooksUpByTime('t', [0], m([[0, '0']]), m([[0, '5']]), m([[0, '-1']]))).toThrow(/time 0 answers -1/);
  });
  it('accepts a broker that maps time 0 to the log start, and empty partitions', () => {
    expect(() => assertLooksUpByTime('t', [0, 1], m([[0, '3'], [1, '0']]), m([[0, '3'], [1, '5']]), m([[0, '3'], [1, '0']]))).not.toThrow();
    expect(() => assertLooksUpByTime('t', [0], m([[0, '7']]), m([[0, '7']]), m([[0, '7']]))).not.toThrow();
  });
});
