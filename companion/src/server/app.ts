import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { isLoopbackHost } from '../config/loopback';
import type { CompanionConfig } from '../config/types';
import { registerHttpBridge } from '../http/bridge';
import type { KafkaGateway } from '../kafka/gateway';
import { Admission } from '../session/admission';
import { FailedPairings } from '../session/auth';
import { Session } from '../session/session';
import { StreamBudget } from '../session/stream-registry';
import { notBuiltPage } from './not-built-page';
import { isAllowedHost, isAllowedOrigin, isWebSocketPath } from './request-guards';
import { securityHeadersFor } from './security-headers';

export interface AppOptions {
  config: CompanionConfig;
  gatewayFor(cluster: string): KafkaGateway;
  /** The built standalone UI, served at `/` when present. */
  uiDir: string | null;
  serverVersion: string;
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** The port actually listened on, for the Origin and Host checks (known only after listen with port 0). */
  port(): number;
}

export interface CompanionApp {
  app: FastifyInstance;
  /** Closes every session (code 1001) and its streams. */
  closeSessions(): Promise<void>;
}

/** The companion's HTTP side as a Fastify app: /ws, the HTTP bridge, /healthz and the UI. Listening is start.ts's job. */
export async function buildApp(options: AppOptions): Promise<CompanionApp> {
  const { config } = options;
  const log = options.log ?? { info: () => {}, warn: () => {}, error: () => {} };
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  const sessions = new Set<Session>();
  const context = { config, gatewayFor: options.gatewayFor, serverVersion: options.serverVersion, pairings: new FailedPairings(), admission: new Admission(config.limits.maxSockets),
    streamBudget: new StreamBudget(config.limits.maxStreamsTotal),
    log,
  };
  // The same predicate as the start-up warning: no warning means the Host guard is on.
  const loopbackOnly = isLoopbackHost(config.host);

  await app.register(fastifyWebsocket, { options: { maxPayload: config.limits.maxFrameBytes } });

  // Every request, not only the upgrade: a rebinding page must not read the UI or /healthz either.
  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedHost(request.headers.host, options.port(), loopbackOnly)) {
      return reply.code(403).type('text/plain').send('Forbidden: unexpected Host header');
    }
    // @fastify/websocket upgrades a request on any route (and closes it after); only /ws may upgrade.
    if (request.ws && !isWebSocketPath(request.url)) {
      return reply.code(404).type('text/plain').send('Not Found: WebSocket connections go to /ws');
    }
  });

  // Clickjacking: no HTML page of the companion may be framed, and each runs only its own code.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) reply.headers(securityHeadersFor(payload));
    return payload;
  });

  app.get('/healthz', async () => ({ ok: true, name: 'kafka-inspector', version: options.serverVersion }));

  app.get(
    '/ws',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        if (!isAllowedOrigin(request.headers.origin, options.port(), config.extensionIds, config.host)) {
          log.warn(`refused a WebSocket from origin ${String(request.headers.origin).slice(0, 200)}`);
          return reply.code(403).type('text/plain').send('Forbidden: this origin may not connect');
        }
      },
    },
    (socket) => {
      // Places are counted by context.admission: unpaired sockets apart from paired sessions.
      const session = new Session(socket, context);
      sessions.add(session);
      socket.on('close', () => sessions.delete(session));
    },
  );

  // REST Proxy-style produce and reads, and tails as Server-Sent Events (docs/http.md).
  const bridge = await registerHttpBridge(app, { context, port: options.port });

  if (options.uiDir) {
    await app.register(fastifyStatic, { root: options.uiDir, index: ['index.html'] });
  } else {
    app.get('/', async (_request, reply) => reply.type('text/html').send(notBuiltPage()));
  }

  return {
    app,
    async closeSessions() {
      const all = [...sessions];
      sessions.clear();
      await Promise.allSettled([...all.map((session) => session.shutdown()), bridge.close()]);
    },
  };
}
