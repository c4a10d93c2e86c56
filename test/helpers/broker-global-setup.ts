import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startMockBroker } from '../../companion/src/demo/mock-broker';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Comma-separated bootstrap list of the broker the suite runs against. */
    kafkaBrokers: string;
    /** Loopback URL the test workers post mock-broker commands to; null on a real cluster. */
    brokerControlUrl: string | null;
  }
}

/**
 * Starts the test broker once for the whole run, unless KAFKA_BROKERS names a real cluster.
 * Test files run in worker processes, so the launcher's stdin control channel is reached through
 * a tiny loopback HTTP endpoint.
 */
export default async function setup(project: TestProject) {
  const external = process.env.KAFKA_BROKERS?.trim();
  if (external) {
    project.provide('kafkaBrokers', external);
    project.provide('brokerControlUrl', null);
    return;
  }
  const broker = await startMockBroker({ brokers: 1 });
  const control = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      broker.control(body).then(
        (answer) => res.writeHead(200).end(answer),
        (error: Error) => res.writeHead(400).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;
  project.provide('kafkaBrokers', broker.brokers.join(','));
  project.provide('brokerControlUrl', `http://127.0.0.1:${port}/`);

  return async () => {
    control.close();
    await broker.stop();
  };
}
