import { TopicNameSchema } from '@kafka-inspector/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRecordDecoder } from '../codec/record-decoder';
import { compileFilter } from '../filter/filter';
import { decoderSettingsFor } from '../schema/decoder-settings';
import type { KafkaGateway, TailReader } from '../kafka/gateway';
import { tokenMatches } from '../session/auth';
import type { SessionContext } from '../session/context';
import { assertMayProduce, toRawRecords } from '../session/produce-policy';
import { toWireError } from '../session/wire-error';
import { isAllowedOrigin } from '../server/request-guards';
import { bearerToken, corsHeaders, judgeOrigin, preflightHeaders } from './origin-policy';
import { RestError, type RestFailure, restErrorFailure, restFailure } from './rest-errors';
import { mediaType, offsetsV2, parseJsonBody, parsePartitionParam, partitionV2, produceFormat, produceReply, REST_PROXY_V2, topicV2, toOutgoingRecords } from './rest-proxy';
import { SseTail } from './sse-tail';
import { parseStreamQuery } from './stream-query';
import { StreamTickets } from './stream-tickets';

export interface HttpBridgeOptions {
  context: SessionContext;
  /** The port listened on, for recognising the companion's own page as an origin. */
  port(): number;
}

export interface HttpBridge {
  /** Ends every SSE stream (EventSource clients reconnect to the next companion). */
  close(): Promise<void>;
}

/** What a route needs before its body is read: how it authenticates and which body types it takes. */
interface RouteRules {
  auth: 'bearer' | 'bearer-or-ticket';
  body?: 'produce' | 'json';
}

type Params = { topic: string; partition?: string };

const PATHS = ['/topics', '/topics/:topic', '/topics/:topic/partitions', '/topics/:topic/partitions/:partition', '/topics/:topic/partitions/:partition/offsets', '/stream', '/stream/tickets'];

/**
 * The HTTP bridge beside the WebSocket (docs/http.md): REST Proxy v2 produce and reads, and tails as
 * Server-Sent Events. Same config, same produce policy, same gateways and TailStream as a socket:
 * no second Kafka path. Every route is refused, before its body is read, unless the Origin is
 * absent, the companion's own or allowed; the bearer token (or a stream ticket for /stream) matches;
 * and a POST's Content-Type is one a page cannot send cross-site without a preflight.
 */
export async function registerHttpBridge(app: FastifyInstance, options: HttpBridgeOptions): Promise<HttpBridge> {
  const { context } = options;
  const { config, log } = context;
  const tickets = new StreamTickets(config.token);
  const streams = new Set<SseTail>();
  let nextStream = 1;

  const gatewayOf = (cluster: string | undefined): { name: string; gateway: KafkaGateway } => {
    const name = cluster ?? config.clusters[0]?.name;
    if (!name) throw new RestError(404, 40401, 'NOT_FOUND', 'no Kafka cluster is configured');
    return { name, gateway: context.gatewayFor(name) };
  };
  const clusterParam = (request: FastifyRequest) => {
    const cluster = (request.query as Record<string, unknown>).cluster;
    return typeof cluster === 'string' && cluster !== '' ? cluster : undefined;
  };
  const topicParam = (topic: string) => {
    if (!TopicNameSchema.safeParse(topic).success) throw new RestError(404, 40401, 'NOT_FOUND', `topic ${topic.slice(0, 100)} does not exist (not a valid topic name)`);
    return topic;
  };
  const sendJson = (reply: FastifyReply, status: number, json: string) => reply.code(status).type(REST_PROXY_V2).send(json);
  const sendFailure = (reply: FastifyReply, failure: RestFailure) => sendJson(reply, failure.status, JSON.stringify(failure.body));

  await app.register(async (bridge) => {
    // Bodies are read only after the checks below, as raw bytes, and parsed here: one parser, one
    // size limit (the frame limit), every type refused that is not on the route's list.
    bridge.removeAllContentTypeParsers();
    bridge.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.limits.maxFrameBytes }, (_request, body, done) => done(null, body));

    bridge.setErrorHandler((error, _request, reply) => {
      if (error instanceof RestError) return sendFailure(reply, restErrorFailure(error));
      const status = (error as { statusCode?: number }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return sendFailure(reply, { status, body: { error_code: status, message: (error as Error).message, code: status === 413 ? 'TOO_LARGE' : 'BAD_FRAME' } });
      }
      const wire = toWireError(error);
      if (wire.code === 'INTERNAL') log.error(`HTTP bridge request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return sendFailure(reply, restFailure(wire));
    });

    bridge.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      const verdict = judgeOrigin(origin, config.allowOrigins ?? [], (o) => isAllowedOrigin(o, options.port(), config.extensionIds, config.host));
      if (verdict.kind === 'refused') {
        log.warn(`HTTP bridge: refused a request from origin ${String(origin).slice(0, 200)}`);
        return sendFailure(reply, restErrorFailure(new RestError(403, 40301, 'UNAUTHORIZED', `origin ${String(origin).slice(0, 200)} may not use the HTTP bridge (see --allow-origin)`)));
      }
      if (verdict.kind === 'cors') reply.headers(corsHeaders(verdict.origin));
      if (request.method === 'OPTIONS') {
        if (verdict.kind === 'cors') reply.headers(preflightHeaders(verdict.origin, request.headers));
        return reply.code(204).send();
      }
      const rules = request.routeOptions.config as unknown as RouteRules;
      const given = bearerToken(request.headers.authorization);
      if (given !== null) {
        if (!tokenMatches(config.token, given)) {
          // As on the WebSocket: each wrong guess in a row waits longer for its answer.
          await new Promise((resolve) => setTimeout(resolve, context.pairings.fail()));
          log.warn('HTTP bridge: refused a request with a wrong token');
          return sendFailure(reply, restErrorFailure(new RestError(401, 40101, 'UNAUTHORIZED', 'wrong token: use the token the companion printed at start-up')));
        }
      } else if (!(rules.auth === 'bearer-or-ticket' && typeof (request.query as Record<string, unknown>).ticket === 'string')) {
        reply.header('www-authenticate', 'Bearer realm="kafka-inspector"');
        return sendFailure(reply, restErrorFailure(new RestError(401, 40101, 'UNAUTHORIZED', 'missing Authorization: Bearer <token>')));
      }
      if (request.method === 'POST') {
        const type = request.headers['content-type'];
        const ok = rules.body === 'produce' ? produceFormat(type) !== null : mediaType(type) === 'application/json';
        if (!ok) {
          const expected = rules.body === 'produce' ? 'application/vnd.kafka.json.v2+json, application/vnd.kafka.binary.v2+json or application/json' : 'application/json';
          return sendFailure(reply, restErrorFailure(new RestError(415, 415, 'BAD_FRAME', `Content-Type ${mediaType(type) || '(none)'} is not accepted here; send ${expected}`)));
        }
      }
    });

    for (const url of PATHS) bridge.options(url, { config: { auth: 'bearer' } satisfies RouteRules }, async () => undefined);

    const bearer: { config: RouteRules } = { config: { auth: 'bearer' } };
    bridge.get('/topics', bearer, async (request, reply) => {
      const topics = await gatewayOf(clusterParam(request)).gateway.listTopics({});
      return sendJson(reply, 200, JSON.stringify(topics.map((t) => t.name)));
    });
    bridge.get<{ Params: Params }>('/topics/:topic', bearer, async (request, reply) => {
      const detail = await gatewayOf(clusterParam(request)).gateway.describeTopic(topicParam(request.params.topic));
      return sendJson(reply, 200, JSON.stringify(topicV2(detail)));
    });
    bridge.get<{ Params: Params }>('/topics/:topic/partitions', bearer, async (request, reply) => {
      const detail = await gatewayOf(clusterParam(request)).gateway.describeTopic(topicParam(request.params.topic));
      return sendJson(reply, 200, JSON.stringify(detail.partitions.map(partitionV2)));
    });
    const partitionOf = async (request: FastifyRequest<{ Params: Params }>) => {
      const topic = topicParam(request.params.topic);
      const partition = parsePartitionParam(request.params.partition ?? '', topic);
      const detail = await gatewayOf(clusterParam(request)).gateway.describeTopic(topic);
      const found = detail.partitions.find((p) => p.partition === partition);
      if (!found) throw new RestError(404, 40402, 'NOT_FOUND', `topic ${topic} has no partition ${partition} (it has ${detail.partitions.length})`);
      return found;
    };
    bridge.get<{ Params: Params }>('/topics/:topic/partitions/:partition', bearer, async (request, reply) => sendJson(reply, 200, JSON.stringify(partitionV2(await partitionOf(request)))));
    bridge.get<{ Params: Params }>('/topics/:topic/partitions/:partition/offsets', bearer, async (request, reply) => sendJson(reply, 200, offsetsV2(await partitionOf(request))));

    const produce = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
      const topic = topicParam(request.params.topic);
      const partition = request.params.partition === undefined ? undefined : parsePartitionParam(request.params.partition, topic);
      // The same checks, in the same order, as the WebSocket's produce: policy, shape, bytes, then Kafka.
      assertMayProduce(config, topic);
      const records = toOutgoingRecords(parseJsonBody(request.body as Buffer | undefined), produceFormat(request.headers['content-type'])!, partition);
      const raw = toRawRecords(records, config.limits.maxRecordBytes);
      const results = await gatewayOf(clusterParam(request)).gateway.produce(topic, raw);
      return sendJson(reply, 200, produceReply(results));
    };
    const producing: { config: RouteRules } = { config: { auth: 'bearer', body: 'produce' } };
    bridge.post<{ Params: Params }>('/topics/:topic', producing, produce);
    bridge.post<{ Params: Params }>('/topics/:topic/partitions/:partition', producing, produce);

    bridge.post('/stream/tickets', { config: { auth: 'bearer', body: 'json' } satisfies RouteRules }, async (request, reply) => {
      const body = parseJsonBody(request.body as Buffer | undefined) as Record<string, unknown> | null;
      const topic = TopicNameSchema.safeParse(body?.topic);
      if (!topic.success) throw new RestError(422, 422, 'BAD_FRAME', 'topic: a Kafka topic name is required');
      const cluster = typeof body?.cluster === 'string' ? body.cluster : undefined;
      const { name } = gatewayOf(cluster);
      const issued = tickets.issue({ cluster: name, topic: topic.data });
      const query = new URLSearchParams({ topic: topic.data, ...(cluster ? { cluster } : {}), ticket: issued.ticket });
      return sendJson(reply, 201, JSON.stringify({ ...issued, url: `/stream?${query}` }));
    });

    bridge.get('/stream', { config: { auth: 'bearer-or-ticket' } satisfies RouteRules }, async (request, reply) => {
      const lastEventId = request.headers['last-event-id'];
      const query = parseStreamQuery(request.query as Record<string, unknown>, typeof lastEventId === 'string' ? lastEventId : undefined);
      const { name, gateway } = gatewayOf(query.cluster);
      let nonce: string | null = null;
      if (bearerToken(request.headers.authorization) === null) {
        const redeemed = tickets.redeem(String((request.query as Record<string, unknown>).ticket), { cluster: name, topic: query.topic }, query.resuming);
        if (!redeemed.ok) throw new RestError(401, 40101, 'UNAUTHORIZED', redeemed.reason);
        nonce = redeemed.nonce;
      }
      // Compile first: a bad filter is refused before any Kafka connection is made.
      const decoderSettings = decoderSettingsFor(config, name, query.topic);
      const decoder = createRecordDecoder(decoderSettings, query.topic);
      const predicate = compileFilter(query.filter, { valueOf: (record) => decoder.valueForFilter(record) });
      if (streams.size >= config.limits.maxSockets) throw new RestError(429, 429, 'LIMIT_EXCEEDED', `at most ${config.limits.maxSockets} event streams at once`);
      // Event streams share the companion-wide stream budget with WebSocket tails.
      const budget = context.streamBudget;
      if (!budget.hasRoom()) throw new RestError(429, 429, 'LIMIT_EXCEEDED', `at most ${budget.limit} streams on this companion across all connections; stop one first`);
      budget.take();
      let reader: TailReader;
      try {
        reader = await gateway.openTail({ topic: query.topic, partitions: query.partitions, start: query.start });
      } catch (error) {
        budget.give();
        throw error;
      }
      reply.hijack();
      const headers = Object.fromEntries(Object.entries(reply.getHeaders()).map(([k, v]) => [k, String(v)]));
      let detach = () => {};
      const tail: SseTail = new SseTail({
        id: `http${nextStream++}`,
        reader,
        predicate,
        limit: query.limit,
        limits: config.limits,
        decoder,
        scan: { filter: query.filter, decoderSettings },
        response: reply.raw,
        headers,
        onClosed: () => {
          if (streams.delete(tail)) budget.give();
          detach();
        },
      });
      streams.add(tail);
      if (nonce) detach = tickets.attach(nonce, () => void tail.close());
    });
  });

  return {
    async close() {
      const all = [...streams];
      streams.clear();
      all.forEach(() => context.streamBudget.give());
      await Promise.allSettled(all.map((tail) => tail.shutdown('companion shutting down')));
    },
  };
}
