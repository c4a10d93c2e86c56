import { createRequire } from 'node:module';
import type { Kafka } from 'kafkajs';
import type { ApiVersionTable } from './kafka-version';
import { createPrivateCluster, type PartitionMetadata, type PrivateCluster, READ_COMMITTED } from './private-cluster';

/**
 * The reads behind Topics, Groups and produce: Metadata and ListOffsets, asked the way kcat and
 * Kafka's own tools ask them. KafkaJS's admin cannot be used for these (issue 9):
 * - its `fetchTopicOffsets(topic)` adds the topic to the cluster's target topics for good, and every
 *   later metadata refresh names them all: once one is deleted, each refresh fails with
 *   UNKNOWN_TOPIC_OR_PARTITION until the process restarts;
 * - it asks one topic at a time (two ListOffsets and a locked metadata refresh per topic), which
 *   times out on a cluster with thousands of topics;
 * - its response parsers throw on the first partition with an error, so one topic deleted while a
 *   list is being read fails the whole list.
 * So this module keeps its own KafkaJS cluster whose target topics stay empty, and sends Metadata
 * (every topic in one request, or the named ones without auto-creation) and ListOffsets (all asked
 * partitions led by a broker in one request per broker, earliest and latest) with KafkaJS's own
 * encoders and decoders, keeping per-partition errors as values instead of throwing them.
 */
export interface ClusterReads {
  /**
   * Every topic, from one Metadata request; or, given `names`, those topics only (each with its
   * error code: UNKNOWN_TOPIC_OR_PARTITION when missing). A broker before Kafka 0.11 cannot be told
   * not to create a topic it is asked about, so there `names` still lists every topic.
   */
  topics(names?: readonly string[]): Promise<TopicMeta[]>;
  /** Low and high watermark of each partition, or the error its leader answered. */
  watermarks(partitions: LedPartition[]): Promise<WatermarkMap>;
  /**
   * The group's committed offsets (OffsetFetch at its coordinator): of the given partitions (-1 where
   * nothing is committed), or of every partition it committed when `topics` is omitted.
   */
  committedOffsets(groupId: string, topics?: Array<{ topic: string; partitions: number[] }>): Promise<CommittedOffsets>;
  /** The highest version of each request a broker supports: its answer to KafkaJS's ApiVersions handshake. */
  apiVersions(): Promise<ApiVersionTable>;
  close(): Promise<void>;
}

export interface TopicMeta {
  name: string;
  internal: boolean;
  /** Sorted by partition id. */
  partitions: PartitionMetadata[];
  /** The broker's error code for the whole topic (0: none). */
  errorCode: number;
}

export interface LedPartition {
  topic: string;
  partition: number;
  /** Node id of the leader; -1 when the partition has none. */
  leader: number;
}

export type CommittedOffsets = Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;

export type Watermark = { low: string; high: string } | { error: Error };
/** topic -> partition -> watermark. */
export type WatermarkMap = Map<string, Map<number, Watermark>>;

const require = createRequire(import.meta.url);
const apiKeys = require('kafkajs/src/protocol/requests/apiKeys') as { Metadata: number; ListOffsets: number };
const { requests } = require('kafkajs/src/protocol/requests') as { requests: { Metadata: RequestDefinition; ListOffsets: RequestDefinition } };
const { createErrorFromCode } = require('kafkajs/src/protocol/error') as { createErrorFromCode(code: number): Error };

interface RequestDefinition {
  versions: string[];
  protocol(options: { version: number }): unknown;
}
interface Protocol {
  request: unknown;
  response: { decode(raw: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
}
/** The slice of KafkaJS's internal Broker used here. */
export interface WireBroker {
  lookupRequest(apiKey: number, definition: RequestDefinition): (args: Record<string, unknown>) => Protocol;
  /** Filled by the ApiVersions handshake on connect (the seed broker's, shared by the pool): api key -> range. */
  versions: Record<string, { minVersion: number; maxVersion: number }> | null;
}
export interface ReadCluster extends PrivateCluster {
  brokerPool: { findConnectedBroker(): Promise<WireBroker> };
  findGroupCoordinator(options: { groupId: string }): Promise<{
    offsetFetch(request: { groupId: string; topics: Array<{ topic: string; partitions: Array<{ partition: number }> }> }): Promise<{ responses: CommittedOffsets }>;
  }>;
}

interface RawMetadata {
  topicMetadata: Array<{ topic: string; topicErrorCode: number; isInternal?: boolean; partitionMetadata: PartitionMetadata[] }>;
}
interface RawListOffsets {
  responses: Array<{ topic: string; partitions: Array<{ partition: number; errorCode: number; offset?: string; offsets?: string[] }> }>;
}

/** KafkaJS's error for a Kafka error code (its `type` names the code, e.g. UNKNOWN_TOPIC_OR_PARTITION). */
export const protocolError = (code: number): Error => createErrorFromCode(code);

/** ListOffsets timestamps: the log start and the log end. */
const EARLIEST = -2;
const LATEST = -1;
const LEADER_NOT_AVAILABLE = 5;
const RETRIES = 3;

/** Sends a request through the broker's own connection pool, parsing without throwing on errors in the body. */
async function sendLenient<T>(broker: WireBroker, apiKey: number, definition: RequestDefinition, args: Record<string, unknown>): Promise<T> {
  const protocol = broker.lookupRequest(apiKey, definition)(args);
  const lenient: Protocol = { ...protocol, response: { ...protocol.response, parse: async (data) => data } };
  const send = Object.getOwnPropertySymbols(Object.getPrototypeOf(broker)).find((s) => s.description === 'private:Broker:sendRequest');
  if (!send) throw new Error('This KafkaJS version has no private sendRequest; the gateway needs kafkajs 2.2.x');
  return (await (broker as unknown as Record<symbol, (p: Protocol) => Promise<unknown>>)[send]!(lenient)) as T;
}

/** Errors worth another try: connections, brokers the cached metadata does not know yet. */
const retriable = (error: unknown) => {
  const e = error as { name?: string; retriable?: boolean };
  return e.retriable === true || ['KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSBrokerNotFound', 'KafkaJSRequestTimeoutError'].includes(e.name ?? '');
};

async function withRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= RETRIES - 1 || !retriable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 3 ** attempt));
    }
  }
}

/** Groups partitions by leader: the body of one ListOffsets request per broker. */
export function byLeader(partitions: LedPartition[]): Map<number, Map<string, number[]>> {
  const leaders = new Map<number, Map<string, number[]>>();
  for (const { topic, partition, leader } of partitions) {
    if (leader < 0) continue;
    const topics = leaders.get(leader) ?? leaders.set(leader, new Map()).get(leader)!;
    (topics.get(topic) ?? topics.set(topic, []).get(topic)!).push(partition);
  }
  return leaders;
}

/** `makeCluster` is for tests; the gateway passes only the client. */
export function createClusterReads(kafka: Kafka, makeCluster = () => createPrivateCluster(kafka, READ_COMMITTED) as ReadCluster): ClusterReads {
  let cluster: ReadCluster | null = null;
  const connected = async () => {
    cluster ??= makeCluster();
    await cluster.connect();
    return cluster;
  };

  const listOffsets = async (nodeId: number, topics: Map<string, number[]>, timestamp: number) => {
    const c = await connected();
    // KafkaJS refreshes its broker list and rethrows when the node is not known yet: the retry finds it.
    const broker = (await c.findBroker({ nodeId })) as unknown as WireBroker;
    return sendLenient<RawListOffsets>(broker, apiKeys.ListOffsets, requests.ListOffsets, {
      isolationLevel: READ_COMMITTED,
      topics: [...topics].map(([topic, partitions]) => ({ topic, partitions: partitions.map((partition) => ({ partition, timestamp })) })),
    });
  };

  return {
    async topics(names) {
      const metadata = await withRetries(async () => {
        const c = await connected();
        const broker = await c.brokerPool.findConnectedBroker();
        // Metadata v4 (Kafka 0.11) is the first that can name topics without auto-creating them.
        const named = names?.length && (broker.versions?.[apiKeys.Metadata]?.maxVersion ?? 0) >= 4;
        return sendLenient<RawMetadata>(broker, apiKeys.Metadata, requests.Metadata, { topics: named ? [...new Set(names)] : [], allowAutoTopicCreation: false });
      });
      return metadata.topicMetadata.map((t) => ({
        name: t.topic,
        internal: t.isInternal ?? t.topic.startsWith('__'),
        partitions: [...t.partitionMetadata].sort((a, b) => a.partitionId - b.partitionId),
        errorCode: t.topicErrorCode,
      }));
    },

    async watermarks(partitions) {
      const result: WatermarkMap = new Map();
      const set = (topic: string, partition: number, value: Watermark) => (result.get(topic) ?? result.set(topic, new Map()).get(topic)!).set(partition, value);
      for (const { topic, partition, leader } of partitions) {
        if (leader < 0) set(topic, partition, { error: protocolError(LEADER_NOT_AVAILABLE) });
      }
      await Promise.all(
        [...byLeader(partitions)].map(async ([nodeId, topics]) => {
          let answers: [RawListOffsets, RawListOffsets];
          try {
            answers = await withRetries(() => Promise.all([listOffsets(nodeId, topics, EARLIEST), listOffsets(nodeId, topics, LATEST)]));
          } catch (error) {
            // The broker did not answer: every partition it leads carries that error.
            for (const [topic, ids] of topics) for (const id of ids) set(topic, id, { error: error as Error });
            return;
          }
          const [low, high] = answers.map((answer) => {
            const offsets = new Map<string, { errorCode: number; offset: string }>();
            for (const t of answer.responses) {
              for (const p of t.partitions) offsets.set(`${p.partition}:${t.topic}`, { errorCode: p.errorCode, offset: p.offset ?? p.offsets?.[0] ?? '-1' });
            }
            return offsets;
          }) as [Map<string, { errorCode: number; offset: string }>, Map<string, { errorCode: number; offset: string }>];
          for (const [topic, ids] of topics) {
            for (const id of ids) {
              const lo = low.get(`${id}:${topic}`);
              const hi = high.get(`${id}:${topic}`);
              const errorCode = lo?.errorCode || hi?.errorCode;
              if (!lo || !hi) set(topic, id, { error: new Error(`partition ${id} of ${topic} did not answer ListOffsets`) });
              else if (errorCode) set(topic, id, { error: protocolError(errorCode) });
              else set(topic, id, { low: lo.offset, high: hi.offset });
            }
          }
        }),
      );
      return result;
    },

    async committedOffsets(groupId, topics) {
      // An empty list would read as "every topic" on the wire.
      if (topics && topics.every((t) => t.partitions.length === 0)) return [];
      const asked = topics?.filter((t) => t.partitions.length > 0).map(({ topic, partitions }) => ({ topic, partitions: partitions.map((partition) => ({ partition })) }));
      const { responses } = await withRetries(async () => (await (await connected()).findGroupCoordinator({ groupId })).offsetFetch({ groupId, topics: asked ?? [] }));
      return responses.map(({ topic, partitions }) => ({ topic, partitions: partitions.map(({ partition, offset }) => ({ partition, offset })) }));
    },

    async apiVersions() {
      const broker = await withRetries(async () => (await connected()).brokerPool.findConnectedBroker());
      return new Map(Object.entries(broker.versions ?? {}).map(([key, range]) => [Number(key), range.maxVersion]));
    },

    async close() {
      const c = cluster;
      cluster = null;
      await c?.disconnect();
    },
  };
}
