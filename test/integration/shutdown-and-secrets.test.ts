import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { spawnCompanion } from '../helpers/companion-process';
import { connectionsTo } from '../helpers/sockets';
import { TestClient } from '../helpers/ws-client';

const brokerPorts = () => testBrokers().map((b) => Number(b.split(':').at(-1)));

describe('shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s closes sockets (1001), tails and Kafka connections, and exits 0 in under 2 s', async (signal) => {
    const companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    const topic = await createTestTopic(2);
    const client = await TestClient.paired(companion.wsUrl, companion.token);
    await client.ok({ type: 'listTopics' });
    await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    await client.ok({ type: 'produce', topic, records: [{ value: { encoding: 'text', text: 'x' } }] });
    expect(connectionsTo(brokerPorts(), companion.child.pid!)).toBeGreaterThan(0);
    const { code, ms } = await companion.stop(signal);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2000);
    expect(await client.closeCode).toBe(1001);
    expect(companion.output()).toMatch(new RegExp(`${signal}: closing`));
    console.log(`${signal}: exited in ${ms.toFixed(0)} ms`);
  });
});

describe('Ctrl-C on the demo', () => {
  it('to the whole process group: the companion stops its demo broker (in a group of its own) and exits 0 cleanly (no EPIPE)', async () => {
    const companion = await spawnCompanion(['--demo'], {}, { ownGroup: true });
    const client = await TestClient.paired(companion.wsUrl, companion.token);
    const { topics } = await client.ok({ type: 'listTopics' });
    expect(topics.length).toBeGreaterThan(0);
    const { code, ms } = await companion.stop('SIGINT');
    expect(companion.output()).not.toMatch(/EPIPE|Unhandled|at .*\.ts:\d+/);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2000);
  });
});

describe('credentials stay in the companion', () => {
  const SECRET = 'hunter2-do-not-leak-7f3a';

  it('a plain-text password in the config file is warned about, and never appears in output, frames or errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ki-secret-'));
    const file = join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({ clusters: [{ name: 'secured', brokers: testBrokers(), sasl: { mechanism: 'scram-sha-512', username: 'inspector', password: SECRET } }] }),
      { mode: 0o600 },
    );
    const companion = await spawnCompanion(['--config', file, '--no-demo']);
    const client = await TestClient.connect(companion.wsUrl);
    const welcome = await client.send({ type: 'hello', protocol: 1, token: companion.token });
    expect(welcome).toMatchObject({ type: 'welcome', clusters: [{ name: 'secured', sasl: 'scram-sha-512' }] });
    // The test broker does not speak SASL: every Kafka request fails, and its error must not carry the secret.
    const replies = await Promise.all([client.send({ type: 'listTopics' }, 60_000), client.send({ type: 'describeCluster' }, 60_000), client.send({ type: 'tailStart', topic: 'anything', start: { from: 'latest' } }, 60_000)]);
    for (const reply of replies) expect(reply.type).toBe('error');
    await companion.stop();
    expect(companion.output()).toMatch(/password is stored in plain text/);
    const everything = JSON.stringify(client.frames) + companion.output();
    expect(everything).not.toContain(SECRET);
  }, 90_000);

  it('passwordEnv keeps the password out of the file, and out of everything the companion says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ki-secret-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ clusters: [{ name: 'secured', brokers: testBrokers(), sasl: { mechanism: 'plain', username: 'inspector', passwordEnv: 'KI_TEST_PASSWORD' } }] }));
    const companion = await spawnCompanion(['--config', file, '--no-demo'], { KI_TEST_PASSWORD: SECRET });
    const client = await TestClient.paired(companion.wsUrl, companion.token);
    await client.send({ type: 'listTopics' }, 60_000);
    await companion.stop();
    expect(companion.output()).not.toMatch(/plain text/);
    expect(JSON.stringify(client.frames) + companion.output()).not.toContain(SECRET);
  }, 90_000);
});
