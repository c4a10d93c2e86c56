import type { Admin, Producer } from 'kafkajs';
import type { ClusterProfile } from '../config/types';
import { createKafkaClient } from './client';
import { toGatewayError } from './error-map';
import type { KafkaGateway, TailReader } from './gateway';
import { fetchShare } from './fetch-share';
import { describeGroup, listGroups } from './groups';
import { produceRecords } from './produce';
import { openTailReader, type TailReaderSettings } from './tail-reader';
import { describeTopic, listTopics } from './topics';

/** Java's consumer default (fetch.max.wait.ms): real Kafka answers sooner whenever data arrives. */
const DEFAULT_FETCH_MAX_WAIT_MS = 500;

/**
 * The KafkaJS implementation of the gateway. Admin and producer connect on first use and are
 * shared; each tail gets its own group-less reader (see tail-reader.ts).
 */
export function createKafkaJsGateway(profile: ClusterProfile): KafkaGateway {
  const kafka = createKafkaClient(profile);
  const readers = new Set<TailReader>();
  const settings: TailReaderSettings = {
    maxWaitMs: profile.fetchMaxWaitMs ?? DEFAULT_FETCH_MAX_WAIT_MS,
    fetchBytes: () => fetchShare(readers.size),
  };
  let admin: Promise<Admin> | null = null;
  let producer: Promise<Producer> | null = null;

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

  return {
    async describeCluster() {
      try {
        const info = await (await getAdmin()).describeCluster();
        return { clusterId: info.clusterId || null, controller: info.controller ?? null, brokers: info.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })) };
      } catch (error) {
        throw toGatewayError(error, 'cannot describe the cluster');
      }
    },
    listTopics: async () => listTopics(await getAdmin()),
    describeTopic: async (topic) => describeTopic(await getAdmin(), topic),
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
    produce: async (topic, records) => produceRecords(await getProducer(), await getAdmin(), topic, records),
    listGroups: async () => listGroups(await getAdmin()),
    describeGroup: async (groupId, topics) => describeGroup(await getAdmin(), groupId, topics),
    async close() {
      const pending: Array<Promise<unknown>> = [...readers].map((reader) => reader.close());
      if (admin) pending.push(admin.then((a) => a.disconnect()));
      if (producer) pending.push(producer.then((p) => p.disconnect()));
      admin = producer = null;
      await Promise.allSettled(pending);
    },
  };
}
