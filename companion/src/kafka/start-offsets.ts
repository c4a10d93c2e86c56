import type { PartitionStart, StartPosition } from '@kafka-inspector/shared';
import { GatewayError, type SkippedRange } from './gateway';
import type { PartitionFetcher } from './partition-fetcher';

const big = (value: string) => BigInt(value);
const clamp = (value: bigint, low: bigint, high: bigint) => (value < low ? low : value > high ? high : value);

/** Kafka errors that mean "your metadata is stale": refresh it and ask again. */
export const STALE_METADATA = new Set(['NOT_LEADER_FOR_PARTITION', 'LEADER_NOT_AVAILABLE', 'UNKNOWN_TOPIC_OR_PARTITION', 'FENCED_LEADER_EPOCH', 'UNKNOWN_LEADER_EPOCH']);

/** True for an error a metadata refresh can cure (a moved or not yet elected leader, a broker not yet known). */
export function isStaleMetadata(error: unknown): boolean {
  const e = error as { name?: string; type?: string; originalError?: { type?: string } } | null;
  if (!e) return false;
  return (
    (e.type !== undefined && STALE_METADATA.has(e.type)) ||
    (e.originalError?.type !== undefined && STALE_METADATA.has(e.originalError.type)) ||
    e.name === 'KafkaJSBrokerNotFound' ||
    e.name === 'KafkaJSMetadataNotLoaded'
  );
}

/**
 * Waits between ListOffsets attempts on stale metadata: a topic created a moment ago has leaders
 * in the metadata before they serve (real Kafka answers NOT_LEADER_FOR_PARTITION for ~100 ms).
 * Bounded: about 3 s in all, then the error goes to the client.
 */
export const START_RETRY_DELAYS_MS: readonly number[] = [50, 100, 200, 400, 800, 1500];

export interface ResolvedStarts {
  starts: PartitionStart[];
  /** Offsets asked for (a resume point or an absolute offset) that are gone: below the log start. */
  skipped: SkippedRange[];
}

/**
 * Resolves where each partition starts, from its low and high watermarks (ListOffsets). Pure
 * arithmetic is in `startOffset` and `skippedAtStart`, so the rules are tested without a broker.
 */
export async function resolveStarts(
  cluster: Pick<PartitionFetcher, 'listOffsets' | 'refreshMetadata'>,
  topic: string,
  partitions: number[],
  start: StartPosition,
  retryDelaysMs: readonly number[] = START_RETRY_DELAYS_MS,
): Promise<ResolvedStarts> {
  const ask = (at: Parameters<PartitionFetcher['listOffsets']>[2]) => cluster.listOffsets(topic, partitions, at);
  const byTime = start.from === 'timestamp';
  const listOffsets = () =>
    Promise.all([
      ask({ fromBeginning: true }),
      ask({ fromBeginning: false }),
      byTime ? ask({ fromTimestamp: Number(start.timestamp) }) : Promise.resolve(null),
      // The probe of assertLooksUpByTime: where does time 0 start?
      byTime ? ask({ fromTimestamp: 0 }) : Promise.resolve(null),
    ]);
  let answers: Awaited<ReturnType<typeof listOffsets>>;
  for (let attempt = 0; ; attempt++) {
    try {
      answers = await listOffsets();
      break;
    } catch (error) {
      const delay = retryDelaysMs[attempt];
      if (delay === undefined || !isStaleMetadata(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      await cluster.refreshMetadata().catch(() => {});
    }
  }
  const [low, high, atTime, atZero] = answers;
  if (atZero) assertLooksUpByTime(topic, partitions, low, high, atZero);
  const starts: PartitionStart[] = [];
  const skipped: SkippedRange[] = [];
  for (const partition of partitions) {
    const lo = low.get(partition);
    const hi = high.get(partition);
    if (lo === undefined || hi === undefined) throw new GatewayError('NOT_FOUND', `partition ${partition} of ${topic} did not answer ListOffsets`);
    starts.push({ partition, low: lo, high: hi, offset: startOffset(start, partition, lo, hi, atTime?.get(partition)) });
    const gap = skippedAtStart(start, partition, lo);
    if (gap) skipped.push(gap);
  }
  return { starts, skipped };
}

/**
 * Some brokers answer ListOffsets by timestamp with "no such record" (-1, which a start reads as
 * the end) whatever the time: librdkafka's mock, the demo and test broker. Real Kafka answers time 0
 * with the first record that has a timestamp, in a partition that holds records: an offset below
 * the end. So a partition holding records whose time-0 answer is -1 or its end means the broker
 * cannot look offsets up by time: say so, rather than start at the end in silence. (With every
 * partition empty any answer is right, and none is refused.)
 */
export function assertLooksUpByTime(topic: string, partitions: number[], low: Map<number, string>, high: Map<number, string>, atZero: Map<number, string>): void {
  for (const partition of partitions) {
    const lo = low.get(partition);
    const hi = high.get(partition);
    const zero = atZero.get(partition);
    if (lo === undefined || hi === undefined || zero === undefined || big(lo) >= big(hi)) continue;
    if (big(zero) >= 0n && big(zero) < big(hi)) return;
    throw new GatewayError(
      'UNSUPPORTED_BY_BROKER',
      `this broker cannot look offsets up by timestamp (partition ${partition} of ${topic} holds offsets ${lo}-${big(hi) - 1n}, yet ListOffsets for time 0 answers ${zero}); start from an offset, lastN or earliest instead`,
      { api: 'ListOffsets', partition },
    );
  }
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

/**
 * The offsets a start skips because they are gone: an absolute offset or a resume point below the
 * log start (retention or DeleteRecords removed them). The stream reports them as `skipped`, as it
 * does for records deleted while it runs; nothing is skipped in silence. "Last N" and timestamps
 * ask for what is there, and a point past the end skips nothing that exists.
 */
export function skippedAtStart(start: StartPosition, partition: number, low: string): SkippedRange | null {
  const wanted = start.from === 'offset' ? start.offset : start.from === 'positions' ? start.positions[String(partition)] : undefined;
  if (wanted === undefined || big(wanted) >= big(low)) return null;
  return { partition, from: big(wanted).toString(), to: low };
}
