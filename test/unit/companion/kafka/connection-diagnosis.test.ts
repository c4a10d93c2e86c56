import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withConnectionDiagnosis } from '../../../../companion/src/kafka/connection-diagnosis';
import { GatewayError, type KafkaGateway } from '../../../../companion/src/kafka/gateway';

/** A gateway whose every call fails with `error`, as KafkaJS does when a TLS listener hangs up on plaintext. */
const failing = (error: Error) => {
  const fail = () => Promise.reject(error);
  return { describeCluster: fail, listTopics: fail, describeTopic: fail, openTail: fail, produce: fail, listGroups: fail, describeGroup: fail, close: async () => {} } as KafkaGateway;
};
const closed = () => new GatewayError('KAFKA_UNAVAILABLE', 'cannot list topics: Closed connection');
const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)));

describe('withConnectionDiagnosis', () => {
  let tlsBroker: string;
  let plainBroker: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ki-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const tls = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (socket) => socket.end());
    // A plaintext listener that hangs up at once, like a broker refusing a connection.
    const plain = createTcpServer((socket) => socket.destroy());
    servers.push(tls, plain);
    [tlsBroker, plainBroker] = await Promise.all([listen(tls), listen(plain)]);
  });
  afterAll(() => servers.forEach((server) => server.close()));

  it('names TLS when a profile without it meets a broker that speaks it', async () => {
    const gateway = withConnectionDiagnosis(failing(closed()), { name: 'prod', brokers: [tlsBroker] });
    const error = await gateway.listTopics().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'KAFKA_TLS_FAILED', message: expect.stringMatching(/expects TLS.*add "tls"/) });
  });

  it('leaves an outage an outage when the broker does not speak TLS', async () => {
    const gateway = withConnectionDiagnosis(failing(closed()), { name: 'prod', brokers: [plainBroker] });
    await expect(gateway.describeCluster()).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE', message: expect.stringMatching(/Closed connection/) });
  });

  it('leaves other errors and TLS profiles alone', async () => {
    const other = new GatewayError('NOT_FOUND', 'topic x does not exist');
    await expect(withConnectionDiagnosis(failing(other), { name: 'p', brokers: [tlsBroker] }).describeTopic('x')).rejects.toBe(other);
    const tlsProfile = failing(closed());
    expect(withConnectionDiagnosis(tlsProfile, { name: 'p', brokers: [tlsBroker], tls: true })).toBe(tlsProfile);
  });
});
