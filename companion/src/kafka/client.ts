import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import type { ClusterProfile } from '../config/types';

/**
 * A KafkaJS client for a cluster profile. Retries are short on purpose: an inspector should report
 * an outage within seconds, and the session retries streams itself.
 */
export function createKafkaClient(profile: ClusterProfile): Kafka {
  return new Kafka({
    clientId: 'kafka-inspector',
    brokers: profile.brokers,
    ssl: tlsOptions(profile.tls),
    sasl: saslOptions(profile),
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1000 },
    logLevel: logLevel.NOTHING,
  });
}

export function tlsOptions(tls: ClusterProfile['tls']) {
  if (!tls) return undefined;
  if (tls === true) return true;
  const read = (path: string | undefined) => (path ? readFileSync(path, 'utf8') : undefined);
  return { ca: read(tls.ca), cert: read(tls.cert), key: read(tls.key), rejectUnauthorized: tls.rejectUnauthorized ?? true };
}

/** SCRAM cannot be tried on the test brokers (Kafka 3.1 in KRaft mode has none), so this mapping is unit-tested. */
export function saslOptions(profile: ClusterProfile): SASLOptions | undefined {
  const sasl = profile.sasl;
  if (!sasl) return undefined;
  const { username, password } = sasl;
  switch (sasl.mechanism) {
    case 'plain':
      return { mechanism: 'plain', username, password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username, password };
  }
}
