import type { PartitionStart, StartPosition } from '@kafka-inspector/shared';
import type { Kafka } from 'kafkajs';
import { toGatewayError } from './error-map';
import { readPartition } from './fetch-batch';
import type { FetchBytes } from './fetch-share';
import { GatewayError, type RawBatch, type RawRecord, type SkippedRange, type TailOptions, type TailReader } from './gateway';
import { createPrivateCluster, type PrivateCluster, READ_COMMITTED } from './private-cluster';
import { isStaleMetadata, resolveStarts } from './start-offsets';

export interface TailReaderSettings {
  /** Longest a fetch waits at the broker for new data. */
  maxWaitMs: number;
  /** Asked at every Fetch: the share shrinks while more tails are open. */
  fetchBytes(): FetchBytes;
}

/**
 * Opens a group-less reader on its own KafkaJS cluster: Fetch from each partition's leader, no
 * FindCoordinator, no JoinGroup, no OffsetCommit. Closing it closes its connections, so nothing of
 * it remains on the broker.
 */
export async function openTailReader(kafka: Kafka, options: TailOptions, settings: TailReaderSettings): Promise<TailReader> {
  const cluster = createPrivateCluster(kafka, READ_COMMITTED);
  try {
    await cluster.connect();
    // Asked by listing every topic: a Metadata request naming a missing topic creates it on brokers
    // with auto-creation on (the test broker always does).
    const { topicMetadata } = await cluster.metadata();
    if (!topicMetadata.some((t) => t.topic === options.topic)) throw new GatewayError('NOT_FOUND', `topic ${options.topic} does not exist`);
    await cluster.addTargetTopic(options.topic);
    const all = cluster.findTopicPartitionMetadata(options.topic).map((p) => p.partitionId).sort((a, b) => a - b);
    const partitions = options.partitions ? [...new Set(options.partitions)].sort((a, b) => a - b) : all;
    const unknown = partitions.filter((p) => !all.includes(p));
    if (unknown.length) throw new GatewayError('NOT_FOUND', `topic ${options.topic} has no partition ${unknown.join(', ')} (it has ${all.length})`);
    // Retries on stale metadata: a topic created a moment ago has leaders that do not serve yet.
    const { starts, skipped } = await resolveStarts(cluster, options.topic, partitions, options.start);
    return new KafkaJsTailReader(cluster, options.topic, partitions, starts, skipped, settings);
  } catch (error) {
    await cluster.disconnect().catch(() => {});
    throw toGatewayError(error, `cannot tail ${options.topic}`);
  }
}

class KafkaJsTailReader implements TailReader {
  private readonly next = new Map<number, string>();
  private readonly highs = new Map<number, string>();
  private readonly ends = new Map<number, string>();
  /** Gaps met since the last fetch returned: retention, or a start below the log start. */
  private skipped: SkippedRange[];
  /** Bumped by seek, so a fetch that started before it cannot move positions back. */
  private epoch = 0;
  private closed = false;
  private closing: Promise<void> | null = null;
  starts: PartitionStart[];

  constructor(
    private readonly cluster: PrivateCluster,
    readonly topic: string,
    private readonly partitions: number[],
    starts: PartitionStart[],
    skipped: SkippedRange[],
    private readonly settings: TailReaderSettings,
  ) {
    this.starts = starts;
    this.skipped = skipped;
    this.applyStarts(starts);
  }

  positions(): Map<number, string> {
    return new Map(this.next);
  }

  async seek(start: StartPosition): Promise<PartitionStart[]> {
    const { starts, skipped } = await resolveStarts(this.cluster, this.topic, this.partitions, start).catch((error: unknown) => {
      throw toGatewayError(error, `cannot seek ${this.topic}`);
    });
    this.epoch++;
    this.starts = starts;
    // Gaps met before the seek are behind the new positions; the new start's own are reported.
    this.skipped = skipped;
    this.applyStarts(starts);
    return starts;
  }

  async fetch(signal: AbortSignal): Promise<RawBatch> {
    if (this.closed) throw new GatewayError('KAFKA_ERROR', 'the reader is closed');
    signal.throwIfAborted();
    const epoch = this.epoch;
    const asked = new Map(this.next);
    const work = this.fetchOnce(asked).catch(async (error: unknown) => {
      await this.recover(error);
      return [] as Awaited<ReturnType<KafkaJsTailReader['fetchOnce']>>;
    });
    const results = await abortable(work, signal);
    const records: RawRecord[] = [];
    if (epoch === this.epoch) {
      for (const result of results) {
        // Partitions whose answer came back in full keep per-partition offset order in `records`.
        records.push(...result.records);
        this.next.set(result.partition, result.next);
        this.highs.set(result.partition, result.highWatermark);
        this.ends.set(result.partition, result.end);
      }
    }
    const caughtUp = this.partitions.every((p) => BigInt(this.next.get(p)!) >= BigInt(this.ends.get(p) ?? '0'));
    const skipped = this.skipped;
    this.skipped = [];
    return { records, highWatermarks: new Map(this.highs), caughtUp, skipped };
  }

  /**
   * Closes the connections. KafkaJS waits for a Fetch parked at the broker (up to the max wait)
   * before it ends a socket, so callers that must not wait run this in the background.
   */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= this.cluster.disconnect().catch(() => {});
    return this.closing;
  }

  private applyStarts(starts: PartitionStart[]) {
    for (const s of starts) {
      this.next.set(s.partition, s.offset);
      this.highs.set(s.partition, s.high);
      this.ends.set(s.partition, s.high);
    }
  }

  /** One Fetch per partition leader, in parallel. */
  private async fetchOnce(asked: Map<number, string>) {
    if (this.closed) return [];
    const byLeader = this.cluster.findLeaderForPartitions(this.topic, this.partitions);
    const { maxBytes, maxBytesPerPartition } = this.settings.fetchBytes();
    const perLeader = await Promise.all(
      Object.entries(byLeader).map(async ([nodeId, partitions]) => {
        const broker = await this.cluster.findBroker({ nodeId });
        if (this.closed) return [];
        const { responses } = await broker.fetch({
          replicaId: -1,
          isolationLevel: READ_COMMITTED,
          maxWaitTime: this.settings.maxWaitMs,
          minBytes: 1,
          maxBytes,
          topics: [{ topic: this.topic, partitions: partitions.map((partition) => ({ partition, fetchOffset: asked.get(partition)!, maxBytes: maxBytesPerPartition })) }],
        });
        return responses.flatMap((response) =>
          response.partitions.map((data) => ({ partition: data.partition, ...readPartition(this.topic, asked.get(data.partition)!, data) })),
        );
      }),
    );
    return perLeader.flat().sort((a, b) => a.partition - b.partition);
  }

  /** Offsets that fell out of retention restart at the oldest record; stale leaders refresh metadata. */
  private async recover(error: unknown): Promise<void> {
    // A fetch still in flight when the reader closed fails here: reconnecting now would leak a connection.
    if (this.closed) throw new GatewayError('KAFKA_ERROR', 'the reader is closed');
    const e = error as { name?: string; type?: string; topic?: string; partition?: number };
    if (e.name === 'KafkaJSOffsetOutOfRange' && typeof e.partition === 'number' && !this.closed) {
      const {
        starts: [start],
      } = await resolveStarts(this.cluster, this.topic, [e.partition], { from: 'earliest' });
      if (start) {
        const wanted = this.next.get(start.partition)!;
        if (BigInt(start.offset) > BigInt(wanted)) this.skipped.push({ partition: start.partition, from: wanted, to: start.offset });
        this.next.set(start.partition, start.offset);
      }
      return;
    }
    if (isStaleMetadata(error) || e.name === 'KafkaJSConnectionClosedError' || e.name === 'KafkaJSConnectionError') {
      await this.cluster.refreshMetadata().catch(() => {});
      throw new GatewayError('KAFKA_UNAVAILABLE', toGatewayError(error).message);
    }
    throw toGatewayError(error, `fetch from ${this.topic}`);
  }
}

/** Rejects with an AbortError as soon as the signal aborts, even while the broker long-polls. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
