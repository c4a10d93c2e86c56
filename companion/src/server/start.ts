import type { AddressInfo } from 'node:net';
import type { CompanionConfig } from '../config/types';
import type { KafkaGateway } from '../kafka/gateway';
import { buildApp } from './app';

export interface StartOptions {
  gatewayFor(cluster: string): KafkaGateway;
  uiDir: string | null;
  serverVersion: string;
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

export interface RunningCompanion {
  /** http://host:port */
  url: string;
  port: number;
  /** Closes sockets (1001) and streams, then the listener. */
  close(): Promise<void>;
}

/** Listens on the configured host and port (0: any free port). */
export async function startCompanion(config: CompanionConfig, options: StartOptions): Promise<RunningCompanion> {
  let port = config.port;
  const { app, closeSessions } = await buildApp({ config, ...options, port: () => port });
  await app.listen({ host: config.host, port: config.port });
  port = (app.server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      await closeSessions();
      await app.close();
    },
  };
}
