import type { PartitionStart, StartPosition } from '@kafka-inspector/shared';
import { GatewayError } from './gateway';
import type { PrivateCluster } from './private-cluster';

const big = (value: string) => BigInt(value);
const clamp = (value: bigint, low: bigint, high: bigint) => (value < low ? low : value > high ? high : value);

/**
 * Resolves where each partition starts, from its low and high watermarks (ListOffsets). Pure
 * arithmetic is in `startOffset`, so the rules are tested without a broker.
 */
export async function resolveStarts(cluster: PrivateCluster, topic: string, partitions: number[], start: StartPosition): Promise<PartitionStart[]> {
  const ask = (options: { fromBeginning?: boolean; fromTimestamp?: number }) =>
    cluster.fetchTopicsOffset([{ topic, partitions: partitions.map((partition) => ({ partition })), ...options }]).then(byPartition);
  const [low, high, atTime] = await Promise.all([
    ask({ fromBeginning: true }),
    ask({ fromBeginning: false }),
    start.from === 'timestamp' ? ask({ fromTimestamp: start.timestamp }) : Promise.resolve(null),
  ]);
  return partitions.map((partition) => {
    const lo = low.get(partition);
    const hi = high.get(partition);
    if (lo === undefined || hi === undefined) throw new GatewayError('NOT_FOUND', `partition ${partition} of ${topic} did not answer ListOffsets`);
    return { partition, low: lo, high: hi, offset: startOffset(start, partition, lo, hi, atTime?.get(partition)) };
  });
}

/** Where one partition starts, given its watermarks (and the ListOffsets answer for a timestamp). */
export function startOffset(start: StartPosition, partition: number, low: string, high: string, atTimestamp?: string): string {
  const lo = big(low);
  const hi = big(high);
  switch (start.from) {
    case 'latest':
      return high;
    case 'earliest':
      return low;
    case 'offset':
      return clamp(big(start.offset), lo, hi).toString();
    case 'lastN': {
      const from = hi - BigInt(start.count);
      return (from < lo ? lo : from).toString();
    }
    case 'timestamp':
      // Kafka answers -1 when no record is at or after the time: start at the end.
      return atTimestamp === undefined || big(atTimestamp) < 0n ? high : clamp(big(atTimestamp), lo, hi).toString();
    case 'positions': {
      const next = start.positions[String(partition)];
      return next === undefined ? high : clamp(big(next), lo, hi).toString();
    }
  }
}

function byPartition(topics: Array<{ partitions: Array<{ partition: number; offset: string }> }>): Map<number, string> {
  return new Map(topics.flatMap((t) => t.partitions.map((p) => [p.partition, p.offset] as const)));
}
