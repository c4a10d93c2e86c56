import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startMockBroker } from '../../companion/src/demo/mock-broker';
import { deleteTopics, withAdmin } from './kafka-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Comma-separated bootstrap list of the broker the suite runs against. */
    kafkaBrokers: string;
    /** Loopback URL the test workers post mock-broker commands to; null on a real cluster. */
    brokerControlUrl: string | null;
    /** Marks every topic and group this run creates, so the run can delete exactly those. */
    runTag: string;
  }
}

/**
 * Starts the test broker once for the whole run, unless KAFKA_BROKERS names a real cluster.
 * Test files run in worker processes, so the launcher's stdin control channel is reached through
 * a tiny loopback HTTP endpoint. On a real cluster the teardown deletes what the run created.
 */
export default async function setup(project: TestProject) {
  const runTag = `r${randomBytes(3).toString('hex')}`;
  project.provide('runTag', runTag);
  const external = process.env.KAFKA_BROKERS?.trim();
  if (external) {
    project.provide('kafkaBrokers', external);
    project.provide('brokerControlUrl', null);
    return () => deleteRunLeftovers(external.split(','), runTag);
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

/**
 * Deletes every topic and consumer group whose name carries this run's tag, so a run on a real
 * cluster leaves it as it found it, even when a test failed before its own clean-up.
 */
async function deleteRunLeftovers(brokers: string[], runTag: string): Promise<void> {
  const ours = (name: string) => name.includes(`-${runTag}-`);
  try {
    const topics = (await withAdmin(brokers, (admin) => admin.listTopics())).filter(ours);
    await deleteTopics(brokers, topics);
    const groups = (await withAdmin(brokers, (admin) => admin.listGroups())).groups.map((g) => g.groupId).filter(ours);
    // A group a test already deleted, or that still has a member, is reported and the rest go on.
    const results = await Promise.all(groups.map((group) => withAdmin(brokers, (admin) => admin.deleteGroups([group])).then(() => null, (error: { groups?: Array<{ groupId: string; error?: { type?: string } }>; message: string }) => error)));
    const failed = results.filter((error) => error && !error.groups?.every((g) => g.error?.type === 'GROUP_ID_NOT_FOUND'));
    if (failed.length) console.warn(`test clean-up: ${failed.length} groups of run ${runTag} not deleted: ${failed.map((e) => JSON.stringify(e!.groups ?? e!.message)).join('; ')}`);
    console.log(`test clean-up: deleted ${topics.length} topics and ${groups.length} groups of run ${runTag}`);
  } catch (error) {
    console.warn(`test clean-up of run ${runTag} failed: ${(error as Error).message}`);
  }
}
