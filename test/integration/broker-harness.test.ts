import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { brokerControl, createTestTopic, isMockBroker, testBrokers } from '../helpers/broker';
import { startMockBroker } from '../../companion/src/demo/mock-broker';

const kafka = () => new Kafka({ clientId: 'ki-harness', brokers: testBrokers(), logLevel: logLevel.NOTHING, retry: { retries: 2 } });

describe('test broker harness', () => {
  it('serves metadata for a topic it created with the asked partition count', async () => {
    const topic = await createTestTopic(5);
    const admin = kafka().admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(topics[0]?.partitions).toHaveLength(5);
    } finally {
      await admin.disconnect();
    }
  });

  it('accepts records and reports them in the partition offsets', async () => {
    const topic = await createTestTopic(1);
    const client = kafka();
    const producer = client.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'k', value: 'v1' }, { value: 'v2' }] });
    await producer.disconnect();
    const admin = client.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      expect(offsets[0]).toMatchObject({ partition: 0, high: '2', low: '0' });
    } finally {
      await admin.disconnect();
    }
  });

  it.runIf(isMockBroker())('takes a broker down and back up on command (mock broker control channel)', async () => {
    await expect(brokerControl('down 1')).resolves.toMatch(/^OK down 1/);
    await expect(brokerControl('up 1')).resolves.toMatch(/^OK up 1/);
    await expect(brokerControl('bogus')).rejects.toThrow(/unknown command/);
  });
});

describe('the test broker launcher dying under its owner (as on Ctrl-C, which reaches the whole process group)', () => {
  it('fails the command in flight and later ones, and stop() still resolves', async () => {
    const broker = await startMockBroker();
    await expect(broker.control('quit')).rejects.toThrow(/exited/);
    await expect(broker.control('topic late 1')).rejects.toThrow(/has exited/);
    await expect(broker.stop()).resolves.toBeUndefined();
  });
});
