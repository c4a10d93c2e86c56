import type { Kafka } from 'kafkajs';
import { type FetchAnswer, type FetchAsk, decodeFetchResponse, encodeFetchRequest, FETCH_API_KEY, FETCH_VERSION } from './fetch-wire';
import { GatewayError } from './gateway';
import type { OffsetAt, PartitionFetcher } from './partition-fetcher';
import type { FetchedPartition } from './partition-read';
import { createPrivateCluster, type PrivateBroker, type PrivateCluster, READ_COMMITTED } from './private-cluster';

/**
 * The PartitionFetcher over KafkaJS's cluster (metadata, leaders, ListOffsets) and its broker
 * connections (TLS and SASL as the profile configures them). Fetch is our own request: KafkaJS's
 * connection frames it and hands back the answer's bytes, which fetch-wire.ts reads. KafkaJS is
 * pinned to exactly 2.2.4 in package.json because of the cluster factory and connection shape.
 */
export async function openKafkaJsFetcher(kafka: Kafka): Promise<PartitionFetcher> {
  const cluster = createPrivateCluster(kafka, READ_COMMITTED);
  await cluster.connect();
  return new KafkaJsFetcher(cluster);
}

class KafkaJsFetcher implements PartitionFetcher {
  private tracked = new Set<string>();

  constructor(private readonly cluster: PrivateCluster) {}

  async partitions(topic: string): Promise<number[]> {
    // Asked by listing every topic: a Metadata request naming a missing topic creates it on brokers
    // with auto-creation on (the test broker always does).
    const { topicMetadata } = await this.cluster.metadata();
    if (!topicMetadata.some((t) => t.topic === topic)) throw new GatewayError('NOT_FOUND', `topic ${topic} does not exist`);
    if (!this.tracked.has(topic)) {
      await this.cluster.addTargetTopic(topic);
      this.tracked.add(topic);
    }
    return this.cluster
      .findTopicPartitionMetadata(topic)
      .map((p) => p.partitionId)
      .sort((a, b) => a - b);
  }

  leaders(topic: string, partitions: number[]): Map<number, number[]> {
    const byLeader = this.cluster.findLeaderForPartitions(topic, partitions);
    return new Map(Object.entries(byLeader).map(([node, list]) => [Number(node), list]));
  }

  async listOffsets(topic: string, partitions: number[], at: OffsetAt): Promise<Map<number, string>> {
    const answer = await this.cluster.fetchTopicsOffset([{ topic, partitions: partitions.map((partition) => ({ partition })), ...at }]);
    return new Map(answer.flatMap((t) => t.partitions.map((p) => [p.partition, p.offset] as const)));
  }

  async fetch(leader: number, ask: FetchAsk, signal: AbortSignal): Promise<FetchedPartition[]> {
    signal.throwIfAborted();
    const broker = (await this.cluster.findBroker({ nodeId: leader })) as unknown as PrivateBroker;
    const payload = encodeFetchRequest(ask);
    const request = {
      apiKey: FETCH_API_KEY,
      apiVersion: FETCH_VERSION,
      apiName: 'Fetch',
      // KafkaJS's request framing takes an Encoder; it reads only these two fields of it.
      encode: async () => ({ buf: payload, buffer: payload }),
    };
    const response = { decode: async (bytes: Buffer) => decodeFetchResponse(bytes), parse: async (answer: FetchAnswer) => answer };
    const sent = broker.connectionPool.send<FetchAnswer>({ request, response }).catch(async (error: { name?: string }) => {
      // As KafkaJS's own broker does: a closed connection is dropped, the next request reconnects.
      if (error?.name === 'KafkaJSConnectionClosedError') await broker.disconnect().catch(() => {});
      throw error;
    });
    const answer = await abortable(sent, signal);
    return answer.topics.filter((t) => t.topic === ask.topic).flatMap((t) => t.partitions);
  }

  refreshMetadata(): Promise<void> {
    return this.cluster.refreshMetadata();
  }

  close(): Promise<void> {
    return this.cluster.disconnect();
  }
}

/** Rejects with an AbortError as soon as the signal aborts, even while the broker long-polls. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
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
