import type { Kafka } from 'kafkajs';

/**
 * The slice of KafkaJS's internal Cluster and Broker the gateway uses. KafkaJS's public consumer
 * always joins a consumer group (kafkajs#373, #1060): slow to start (a new group's first rebalance
 * waits 3 s on real Kafka) and it would leave a group behind. The cluster below gives Metadata,
 * ListOffsets and broker connections (the tail's own Fetch goes over them, see kafkajs-fetcher.ts),
 * as kcat does. KafkaJS is pinned to exactly 2.2.4 in package.json because of this.
 */
export interface PartitionMetadata {
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  partitionErrorCode: number;
}

export interface TopicMetadata {
  topic: string;
  isInternal?: boolean;
  partitionMetadata: PartitionMetadata[];
}

/** The part of KafkaJS's Broker the fetcher uses: its connection pool frames and sends our own requests. */
export interface PrivateBroker {
  connectionPool: {
    send<T>(protocolRequest: {
      request: { apiKey: number; apiVersion: number; apiName: string; encode(): Promise<{ buf: Buffer; buffer: Buffer }> };
      response: { decode(bytes: Buffer): Promise<T>; parse(decoded: T): Promise<T> };
    }): Promise<T>;
  };
  disconnect(): Promise<void>;
}

export interface PrivateCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  metadata(options?: { topics?: string[] }): Promise<{ topicMetadata: TopicMetadata[] }>;
  findTopicPartitionMetadata(topic: string): PartitionMetadata[];
  findLeaderForPartitions(topic: string, partitions: number[]): Record<string, number[]>;
  findBroker(options: { nodeId: string | number }): Promise<PrivateBroker>;
  fetchTopicsOffset(
    topics: Array<{ topic: string; partitions: Array<{ partition: number }>; fromBeginning?: boolean; fromTimestamp?: number }>,
  ): Promise<Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>>;
}

/** Isolation levels of the Kafka protocol. */
export const READ_UNCOMMITTED = 0;
export const READ_COMMITTED = 1;

/**
 * Creates one of KafkaJS's internal clusters. Topic auto-creation is off: a typo in a tail must not
 * create a topic on someone's cluster.
 */
export function createPrivateCluster(kafka: Kafka, isolationLevel: number): PrivateCluster {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  const factory = symbol ? (kafka as unknown as Record<symbol, unknown>)[symbol] : undefined;
  if (typeof factory !== 'function') {
    throw new Error('This KafkaJS version has no private cluster factory; the gateway needs kafkajs 2.2.x');
  }
  return factory({ allowAutoTopicCreation: false, isolationLevel, metadataMaxAge: 60_000 }) as PrivateCluster;
}
