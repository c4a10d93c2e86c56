import type { PartitionStart, StartPosition } from '@kafka-inspector/shared';
import type { Kafka } from 'kafkajs';
import { toGatewayError } from './error-map';
import type { FetchBytes } from './fetch-share';
import { fetchPartitionError } from './fetch-wire';
import {
  DEFAULT_RECORD_CAPS,
  GatewayError,
  type RawBatch,
  type RawFetch,
  type RawRecord,
  type RecordCaps,
  type SkippedRange,
  type TailOptions,
  type TailReader,
  type UnreadableRange,
} from './gateway';
import { abortable, openKafkaJsFetcher } from './kafkajs-fetcher';
import type { PartitionFetcher } from './partition-fetcher';
import { nextPosition, type RawPart, readableEnd, readPartition } from './partition-read';
import { isStaleMetadata, resolveStarts } from './start-offsets';

export interface TailReaderSettings {
  /** Longest a fetch waits at the broker for new data. */
  maxWaitMs: number;
  /** Asked at every Fetch: the share shrinks while more tails are open. */
  fetchBytes(): FetchBytes;
  /** What one record may cost to decode; DEFAULT_RECORD_CAPS when not given. */
  caps?: RecordCaps;
}

/**
 * Opens a group-less reader on its own connections: Fetch from each partition's leader, no
 * FindCoordinator, no JoinGroup, no OffsetCommit. Closing it closes its connections, so nothing of
 * it remains on the broker.
 */
export async function openTailReader(kafka: Kafka, options: TailOptions, settings: TailReaderSettings): Promise<TailReader> {
  let fetcher: PartitionFetcher | null = null;
  try {
    fetcher = await openKafkaJsFetcher(kafka);
    return await openReaderOn(fetcher, options, settings);
  } catch (error) {
    await fetcher?.close().catch(() => {});
    throw toGatewayError(error, `cannot tail ${options.topic}`);
  }
}

/** A reader on any PartitionFetcher (the tests give it a fake one). */
export async function openReaderOn(cluster: PartitionFetcher, options: TailOptions, settings: TailReaderSettings): Promise<TailReader> {
  const all = await cluster.partitions(options.topic);
  const partitions = options.partitions ? [...new Set(options.partitions)].sort((a, b) => a - b) : all;
  const unknown = partitions.filter((p) => !all.includes(p));
  if (unknown.length) throw new GatewayError('NOT_FOUND', `topic ${options.topic} has no partition ${unknown.join(', ')} (it has ${all.length})`);
  // Retries on stale metadata: a topic created a moment ago has leaders that do not serve yet.
  const { starts, skipped } = await resolveStarts(cluster, options.topic, partitions, options.start);
  return new FetcherTailReader(cluster, options.topic, partitions, starts, skipped, settings);
}

class FetcherTailReader implements TailReader {
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
    private readonly cluster: PartitionFetcher,
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
    const { parts, ...rest } = await this.fetchRaw(signal);
    const caps = this.settings.caps ?? DEFAULT_RECORD_CAPS;
    const records: RawRecord[] = [];
    const unreadable: UnreadableRange[] = [];
    for (const part of parts) {
      // Partitions whose answer came back in full keep per-partition offset order in `records`.
      const read = readPartition(this.topic, part.fetchOffset, part.data, caps);
      for (const record of read.records) records.push(record);
      unreadable.push(...read.unreadable);
    }
    return { records, ...rest, ...(unreadable.length ? { unreadable } : {}) };
  }

  async fetchRaw(signal: AbortSignal): Promise<RawFetch> {
    if (this.closed) throw new GatewayError('KAFKA_ERROR', 'the reader is closed');
    signal.throwIfAborted();
    const epoch = this.epoch;
    const asked = new Map(this.next);
    const work = this.fetchOnce(asked, signal).catch(async (error: unknown) => {
      await this.recover(error);
      return [] as RawPart[];
    });
    const answered = await abortable(work, signal);
    // A fetch that started before a seek answers for positions the seek left behind.
    const parts = epoch === this.epoch ? answered : [];
    for (const { fetchOffset, data } of parts) {
      this.next.set(data.partition, nextPosition(fetchOffset, data.records));
      this.highs.set(data.partition, data.highWatermark);
      this.ends.set(data.partition, readableEnd(data));
    }
    const caughtUp = this.partitions.every((p) => BigInt(this.next.get(p)!) >= BigInt(this.ends.get(p) ?? '0'));
    const skipped = this.skipped;
    this.skipped = [];
    return { parts, highWatermarks: new Map(this.highs), caughtUp, skipped };
  }

  /**
   * Closes the connections. KafkaJS waits for a Fetch parked at the broker (up to the max wait)
   * before it ends a socket, so callers that must not wait run this in the background.
   */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= this.cluster.close().catch(() => {});
    return this.closing;
  }

  private applyStarts(starts: PartitionStart[]) {
    for (const s of starts) {
      this.next.set(s.partition, s.offset);
      this.highs.set(s.partition, s.high);
      this.ends.set(s.partition, s.high);
    }
  }

  /** One Fetch per partition leader, in parallel; the record batches stay raw. */
  private async fetchOnce(asked: Map<number, string>, signal: AbortSignal): Promise<RawPart[]> {
    if (this.closed) return [];
    const { maxBytes, maxBytesPerPartition } = this.settings.fetchBytes();
    const perLeader = await Promise.all(
      [...this.cluster.leaders(this.topic, this.partitions)].map(async ([leader, partitions]) => {
        const answer = await this.cluster.fetch(
          leader,
          { topic: this.topic, maxWaitMs: this.settings.maxWaitMs, maxBytes, partitions: partitions.map((partition) => ({ partition, offset: asked.get(partition)!, maxBytes: maxBytesPerPartition })) },
          signal,
        );
        if (this.closed) return [];
        const failed = answer.find((data) => data.errorCode !== 0);
        if (failed) throw fetchPartitionError(this.topic, failed.partition, failed.errorCode);
        return answer.map((data) => ({ fetchOffset: asked.get(data.partition)!, data }));
      }),
    );
    return perLeader.flat().sort((a, b) => a.data.partition - b.data.partition);
  }

  /** Offsets that fell out of retention restart at the oldest record; stale leaders refresh metadata. */
  private async recover(error: unknown): Promise<void> {
    // A fetch still in flight when the reader closed fails here: reconnecting now would leak a connection.
    if (this.closed) throw new GatewayError('KAFKA_ERROR', 'the reader is closed');
    const e = error as { name?: string; type?: string; topic?: string; partition?: number };
    if (e.type === 'OFFSET_OUT_OF_RANGE' && typeof e.partition === 'number' && !this.closed) {
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
