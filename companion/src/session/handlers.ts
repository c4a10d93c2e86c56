import type { ClientMessage, RequestOf, RequestType, ResultOf } from '@kafka-inspector/shared';
import { createRecordDecoder } from '../codec/record-decoder';
import { compileFilter } from '../filter/filter';
import type { KafkaGateway } from '../kafka/gateway';
import { registryFor } from '../schema/registry-lookup';
import { encodeWithSchemas } from '../schema/schema-encode';
import { schemaEncoders } from '../schema/schema-encoders';
import { schemaHandlers } from '../schema/schema-handlers';
import { decoderSettingsFor } from '../schema/decoder-settings';
import type { SessionContext } from './context';
import { assertMayProduce, toRawRecords } from './produce-policy';
import { getRecord, getRecordsBefore } from './record-reads';
import type { StreamRegistry } from './stream-registry';
import { RequestError, toWireError } from './wire-error';

type Handled = Exclude<RequestType, 'hello'>;
type Handler<T extends Handled> = (request: RequestOf<T>, env: HandlerEnv) => Promise<ResultOf<T>>;

export interface HandlerEnv {
  context: SessionContext;
  streams: StreamRegistry;
}

/** The gateway for the request's cluster, or the default (first) profile's. */
function gateway(request: { cluster?: string }, { context }: HandlerEnv): KafkaGateway {
  const name = request.cluster ?? context.config.clusters[0]?.name;
  if (!name) throw new RequestError('NOT_FOUND', 'no Kafka cluster is configured');
  return context.gatewayFor(name);
}

/** The decoder of a request's topic under its cluster profile (registry, local schemas). */
function recordDecoder(request: { cluster?: string; topic: string }, { context }: HandlerEnv) {
  return createRecordDecoder(decoderSettingsFor(context.config, request.cluster, request.topic), request.topic);
}

/** One handler per request type; the `satisfies` makes a new request type without a handler a compile error. */
export const handlers = {
  ping: async () => ({ time: String(Date.now()) }),
  describeCluster: async (request, env) => {
    const name = request.cluster ?? env.context.config.clusters[0]?.name ?? '';
    return { cluster: name, ...(await gateway(request, env).describeCluster()) };
  },
  // The gateway filters before it reads any watermark, so a search on a large cluster stays cheap.
  listTopics: async (request, env) => ({ topics: await gateway(request, env).listTopics({ search: request.search, includeInternal: request.includeInternal }) }),
  describeTopic: async (request, env) => gateway(request, env).describeTopic(request.topic),
  tailStart: async (request, env) => {
    const decoderSettings = decoderSettingsFor(env.context.config, request.cluster, request.topic, request.decoders);
    const decoder = createRecordDecoder(decoderSettings, request.topic);
    // Compile first: a bad filter is refused before any Kafka connection is made. CEL sees decoded values.
    const predicate = compileFilter(request.filter, { valueOf: (record) => decoder.valueForFilter(record) });
    const release = env.streams.reserve();
    let reader;
    try {
      reader = await gateway(request, env).openTail({ topic: request.topic, partitions: request.partitions, start: request.start });
    } catch (error) {
      release();
      throw error;
    }
    // Decode, filter and encode in a scan worker, built there from the same plain settings.
    const stream = env.streams.open(reader, predicate, request.limit, decoder, { filter: request.filter, decoderSettings });
    return { streamId: stream.id, topic: request.topic, partitions: reader.starts };
  },
  tailPause: async (request, env) => {
    env.streams.get(request.streamId).pause();
    return { streamId: request.streamId };
  },
  tailResume: async (request, env) => {
    env.streams.get(request.streamId).resume();
    return { streamId: request.streamId };
  },
  tailSeek: async (request, env) => {
    const stream = env.streams.get(request.streamId);
    const partitions = await stream.seek(request.start);
    return { streamId: request.streamId, topic: env.streams.topicOf(request.streamId), partitions };
  },
  tailStop: async (request, env) => {
    await env.streams.get(request.streamId).stop();
    return { streamId: request.streamId };
  },
  produce: async (request, env) => {
    assertMayProduce(env.context.config, request.topic);
    // Keys and values that name a schema become their encoded bytes first; the size checks see those.
    const outgoing = await encodeWithSchemas(request.records, request.topic, request.cluster, registryFor(env.context.config), schemaEncoders);
    const records = toRawRecords(outgoing, env.context.config.limits.maxRecordBytes);
    const produced = await gateway(request, env).produce(request.topic, records);
    return { records: produced.map((r) => ('error' in r ? { partition: r.partition, error: toWireError(r.error) } : r)) };
  },
  listGroups: async (request, env) => ({ groups: await gateway(request, env).listGroups() }),
  describeGroup: async (request, env) => gateway(request, env).describeGroup(request.groupId, request.topics),
  // Decoded like the tail's records (registry, local schemas), so the detail pane matches the row.
  recordGet: async (request, env) => getRecord(gateway(request, env), request, recordDecoder(request, env)),
  recordsBefore: async (request, env) => getRecordsBefore(gateway(request, env), request, env.context.config.limits.maxValuePreviewBytes, recordDecoder(request, env)),
  listSubjects: async (request, env) => schemaHandlers.listSubjects(request, registryFor(env.context.config)),
  listSchemaVersions: async (request, env) => schemaHandlers.listSchemaVersions(request, registryFor(env.context.config)),
  getSchema: async (request, env) => schemaHandlers.getSchema(request, registryFor(env.context.config)),
  schemaSkeleton: async (request, env) => schemaHandlers.schemaSkeleton(request, registryFor(env.context.config)),
} satisfies { [T in Handled]: Handler<T> };

export function handle(message: Exclude<ClientMessage, { type: 'hello' }>, env: HandlerEnv): Promise<unknown> {
  const handler = handlers[message.type] as (request: typeof message, env: HandlerEnv) => Promise<unknown>;
  return handler(message, env);
}
