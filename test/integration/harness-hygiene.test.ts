import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createTestTopic, deleteTestTopics, isMockBroker, testBrokers } from '../helpers/broker';
import { spawnCompanion } from '../helpers/companion-process';
import { TestClient } from '../helpers/ws-client';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the test harness leaves nothing behind', () => {
  let orphan = 0;

  it.fails('(this test fails on purpose) a companion spawned by a test whose assertion fails...', async () => {
    const companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    orphan = companion.child.pid!;
    expect(alive(orphan)).toBe(false);
  });

  it('...is killed when that test ends', async () => {
    expect(orphan).toBeGreaterThan(0);
    const deadline = Date.now() + 5000;
    while (alive(orphan) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(orphan)).toBe(false);
  });

  it("a spawned companion sees only the environment the test gives it (the runner's KAFKA_BROKERS does not add a profile)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ki-env-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ clusters: [{ name: 'only', brokers: testBrokers() }] }));
    const before = process.env.KAFKA_BROKERS;
    process.env.KAFKA_BROKERS = '127.0.0.1:1';
    try {
      const companion = await spawnCompanion(['--config', file, '--no-demo']);
      const client = await TestClient.connect(companion.wsUrl);
      const welcome = await client.send({ type: 'hello', protocol: 1, token: companion.token });
      expect(welcome).toMatchObject({ type: 'welcome' });
      expect((welcome as unknown as { clusters: Array<{ name: string }> }).clusters.map((c) => c.name)).toEqual(['only']);
      client.close();
      await companion.stop();
    } finally {
      if (before === undefined) delete process.env.KAFKA_BROKERS;
      else process.env.KAFKA_BROKERS = before;
    }
  });

  it.runIf(!isMockBroker())('deleteTestTopics removes a topic the test created (needs real Kafka: DeleteTopics)', async () => {
    const topic = await createTestTopic(1);
    await deleteTestTopics([topic]);
    const admin = new Kafka({ clientId: 'ki-test', brokers: testBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).not.toContain(topic);
    } finally {
      await admin.disconnect();
    }
  });
});
