import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

/**
 * A "broker" that takes the TCP connection and never says a word (a hung process, a wrong port
 * behind a proxy). Needs no Kafka: it runs the same on the mock and with KAFKA_BROKERS.
 */
describe('a broker that accepts TCP and never answers', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let companion: TestCompanion;
  let broker: string;
  beforeAll(async () => {
    server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    broker = `127.0.0.1:${(server.address() as { port: number }).port}`;
    companion = await startTestCompanion({ clusters: [{ name: 'silent', brokers: [broker] }] });
  });
  afterAll(async () => {
    await companion.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is KAFKA_UNAVAILABLE naming the broker, for the first request and the next ones', async () => {
    const client = await TestClient.paired(companion.wsUrl, companion.token);
    for (const request of [{ type: 'describeCluster' }, { type: 'listTopics' }] as const) {
      const error = await client.fails(request);
      expect(error).toMatchObject({ code: 'KAFKA_UNAVAILABLE', message: expect.stringMatching(/did not answer/), details: { reason: 'NO_ANSWER', brokers: [broker] } });
    }
    client.close();
  }, 60_000);
});
