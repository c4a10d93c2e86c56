import { connect } from 'node:tls';
import type { ClusterProfile } from '../config/types';
import { GatewayError, type KafkaGateway } from './gateway';

const PROBE_TIMEOUT_MS = 2000;

/**
 * A broker that expects TLS simply closes a plaintext connection, which KafkaJS reports as
 * "Closed connection", the same words as any outage. When that happens on a profile without TLS,
 * one TLS handshake with the broker tells the two apart, so the user reads "this listener speaks
 * TLS" instead of a retry loop. The answer is remembered per gateway.
 */
export function withConnectionDiagnosis(gateway: KafkaGateway, profile: ClusterProfile): KafkaGateway {
  if (profile.tls) return gateway;
  let speaksTls: Promise<string | null> | null = null;
  const explain = async (error: unknown): Promise<never> => {
    if (error instanceof GatewayError && error.code === 'KAFKA_UNAVAILABLE' && /Closed connection|ECONNRESET/i.test(error.message)) {
      const broker = await (speaksTls ??= firstSpeakingTls(profile.brokers));
      if (broker) {
        throw new GatewayError(
          'KAFKA_TLS_FAILED',
          `broker ${broker} of cluster "${profile.name}" expects TLS, but the profile has none: add "tls": true (or { "ca": "ca.pem" }) to it`,
        );
      }
    }
    // An outage names the profile's brokers, so the user sees which addresses were tried.
    if (error instanceof GatewayError && error.code === 'KAFKA_UNAVAILABLE') {
      throw new GatewayError('KAFKA_UNAVAILABLE', error.message, { ...error.details, brokers: profile.brokers });
    }
    throw error;
  };
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      call(...args).catch(explain);
  return {
    describeCluster: guard(() => gateway.describeCluster()),
    listTopics: guard((...args: Parameters<KafkaGateway['listTopics']>) => gateway.listTopics(...args)),
    describeTopic: guard((topic: string) => gateway.describeTopic(topic)),
    openTail: guard((options: Parameters<KafkaGateway['openTail']>[0]) => gateway.openTail(options)),
    produce: guard((...args: Parameters<KafkaGateway['produce']>) => gateway.produce(...args)),
    listGroups: guard(() => gateway.listGroups()),
    describeGroup: guard((...args: Parameters<KafkaGateway['describeGroup']>) => gateway.describeGroup(...args)),
    close: () => gateway.close(),
  };
}

/** The first bootstrap broker that completes a TLS handshake (certificate unchecked: this only asks "TLS or not?"). */
async function firstSpeakingTls(brokers: string[]): Promise<string | null> {
  for (const broker of brokers) {
    const at = broker.lastIndexOf(':');
    const host = broker.slice(0, at);
    const port = Number(broker.slice(at + 1));
    if (await handshakes(host, port)) return broker;
  }
  return null;
}

function handshakes(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, servername: host, rejectUnauthorized: false, timeout: PROBE_TIMEOUT_MS });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}
