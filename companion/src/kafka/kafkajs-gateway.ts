import type { KafkaVersion } from '@kafka-inspector/shared';
import type { Admin, Producer } from 'kafkajs';
import type { ClusterProfile } from '../config/types';
import { createKafkaClient } from './client';
import { type ClusterReads, createClusterReads } from './cluster-reads';
import { toGatewayError } from './error-map';
import type { KafkaGateway, TailReader } from './gateway';
import { fetchShare } from './fetch-share';
import { guessKafkaVersion } from './kafka-version';
import { describeGroup, listGroups } from './groups';
import { produceRecords, type ProducerSource } from './produce';
import { createTopicLimits } from './topic-limits';
import { openTailReader, type TailReaderSettings } from './tail-reader';
import { describeTopic, listTopics } from './topics';
import { scanPool } from '../scan/scan-pool';

/** Java's consumer default (fetch.max.wait.ms): real Kafka answers sooner whenever data arrives. */
const DEFAULT_FETCH_MAX_WAIT_MS = 500;

/** The broker's release, inferred from its API versions; none when they cannot be read, as the other facts still can. */
const kafkaVersion = (reads: ClusterReads): Promise<KafkaVersion | undefined> =>
  reads.apiVersions().then(
    (table) => ({ name: guessKafkaVersion(table), inferredFrom: 'apiVersions' as const }),
    () => undefined,
  );

/**
 * The KafkaJS implementation of the gateway. Admin and producer connect on first use and are
 * shared; Metadata and ListOffsets go through cluster reads that never track topics (see
 * cluster-reads.ts); each tail gets its own group-less reader (see tail-reader.ts).
 */
export function createKafkaJsGateway(profile: ClusterProfile): KafkaGateway {
  const kafka = createKafkaClient(profile);
  const readers = new Set<TailReader>();
  const settings: TailReaderSettings = {
    maxWaitMs: profile.fetchMaxWaitMs ?? DEFAULT_FETCH_MAX_WAIT_MS,
    fetchBytes: () => fetchShare(readers.size),
  };
  const reads = createClusterReads(kafka);
  // Tails decode and filter in scan workers: start them with the first use of a cluster, not the first tail.
  scanPool().warm();
  let admin: Promise<Admin> | null = null;
  let producer: Promise<Producer> | null = null;
  /** Topics the current producer has sent to: KafkaJS names each of them in every metadata refresh. */
  const sentTo = new Set<string>();

  const connected = <T extends { connect(): Promise<void> }>(client: T): Promise<T> =>
    client.connect().then(
      () => client,
      (error: unknown) => {
        throw toGatewayError(error, `cannot connect to ${profile.name}`);
      },
    );
  // A failed connect is forgotten, so the next request tries again instead of failing forever.
  const getAdmin = () => (admin ??= connected(kafka.admin()).catch((error: unknown) => ((admin = null), Promise.reject(error))));
  const getProducer = () =>
    (producer ??= connected(kafka.producer({ allowAutoTopicCreation: false, idempotent: false })).catch((error: unknown) => ((producer = null), Promise.reject(error))));

  const maxMessageBytes = createTopicLimits(getAdmin);
  const producers: ProducerSource = {
    tracked: () => [...sentTo],
    forTopic(topic, existing) {
      if (producer && [...sentTo].some((name) => !existing.has(name))) {
        // One of its topics is gone, and with it every metadata refresh of this producer: start afresh.
        const retired = producer;
        producer = null;
        void retired.then((p) => p.disconnect()).catch(() => {});
        sentTo.clear();
      }
      sentTo.add(topic);
      return getProducer();
    },
  };

  return {
    async describeCluster() {
      try {
        const [info, version] = await Promise.all([(await getAdmin()).describeCluster(), kafkaVersion(reads)]);
        // A controller id that names none of the brokers (the test broker says 0 with only node 1) is unknown: null.
        const controller = info.brokers.some((b) => b.nodeId === info.controller) ? info.controller : null;
        const brokers = info.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port }));
        return { clusterId: info.clusterId || null, controller, brokers, ...(version && { version }) };
      } catch (error) {
        throw toGatewayError(error, 'cannot describe the cluster');
      }
    },
    listTopics: (filter) => listTopics(reads, filter),
    describeTopic: async (topic) => describeTopic(reads, await getAdmin(), topic),
    async openTail(tailOptions) {
      const reader = await openTailReader(kafka, tailOptions, settings);
      readers.add(reader);
      const close = reader.close.bind(reader);
      reader.close = async () => {
        readers.delete(reader);
        await close();
      };
      return reader;
    },
    produce: (topic, records) => produceRecords(producers, reads, topic, records, maxMessageBytes),
    listGroups: async () => listGroups(await getAdmin(), profile.ownGroups),
    describeGroup: async (groupId, topics) => describeGroup(await getAdmin(), reads, groupId, topics),
    async close() {
      const pending: Array<Promise<unknown>> = [...readers].map((reader) => reader.close());
      pending.push(reads.close());
      if (admin) pending.push(admin.then((a) => a.disconnect()));
      if (producer) pending.push(producer.then((p) => p.disconnect()));
      admin = producer = null;
      sentTo.clear();
      await Promise.allSettled(pending);
    },
  };
}
