import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorFrame, RecordsFrame, WelcomeFrame } from '@kafka-inspector/shared';
import { createReadyTopics } from '../helpers/kafka-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMockBroker, testName } from '../helpers/broker';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { hasSharedKafka, makeClientCertificate, makeStrangerCa, type SecureBroker, startSecureBroker } from '../helpers/secure-broker';
import { TestClient } from '../helpers/ws-client';
import { allWritten } from '../helpers/produced';

const USER = 'inspector';
const PASSWORD = 'sasl-pass-7f3a-do-not-leak';
const WRONG = 'wrong-pass-91c2-do-not-leak';

/**
 * TLS and SASL/PLAIN against a real Apache Kafka broker with secured listeners, started here from
 * ../shared/kafka (developers and CI; a user's machine has none, so the suite is skipped there).
 * It runs in the real-Kafka pass (`npm run test:real-kafka`, part of CI), not on the mock pass,
 * which would only start the same two brokers a second time.
 * SCRAM cannot be tested here: Kafka 3.1 in KRaft mode has no SCRAM (see the unit tests).
 */
describe.runIf(hasSharedKafka() && !isMockBroker())('secured clusters (needs ../shared/kafka, in the real-Kafka pass: real brokers with TLS and SASL_SSL listeners)', () => {
  let broker: SecureBroker;
  let mtlsBroker: SecureBroker;

  // Both brokers start (and stop) together: each takes several seconds of JVM start-up.
  beforeAll(async () => {
    [broker, mtlsBroker] = await Promise.all([startSecureBroker(USER, PASSWORD), startSecureBroker(USER, PASSWORD, ['ssl.client.auth=required'])]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([broker?.stop(), mtlsBroker?.stop()]);
  }, 90_000);

  describe('TLS and SASL/PLAIN profiles', () => {
    let companion: CompanionProcess;
    let client: TestClient;
    let dir: string;
    const topic = testName('ki-test-secure');

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ki-secure-'));
      await createReadyTopics([broker.plain], [{ topic, numPartitions: 1 }]);
      const stranger = await makeStrangerCa(dir);
      const file = join(dir, 'config.json');
      const sasl = (passwordEnv: string) => ({ mechanism: 'plain', username: USER, passwordEnv });
      writeFileSync(
        file,
        JSON.stringify({
          clusters: [
            { name: 'plain', brokers: [broker.plain] },
            { name: 'tls', brokers: [broker.ssl], tls: { ca: broker.caPem } },
            { name: 'sasl', brokers: [broker.saslSsl], tls: { ca: broker.caPem }, sasl: sasl('KI_SASL_PASSWORD') },
            { name: 'wrong-password', brokers: [broker.saslSsl], tls: { ca: broker.caPem }, sasl: sasl('KI_WRONG_PASSWORD') },
            { name: 'untrusted-ca', brokers: [broker.ssl], tls: { ca: stranger } },
            { name: 'unverified', brokers: [broker.ssl], tls: { rejectUnauthorized: false } },
            { name: 'no-tls', brokers: [broker.ssl] },
          ],
        }),
      );
      companion = await spawnCompanion(['--config', file, '--no-demo'], { KI_SASL_PASSWORD: PASSWORD, KI_WRONG_PASSWORD: WRONG });
      client = await TestClient.paired(companion.wsUrl, companion.token);
    }, 120_000);

    afterAll(async () => {
      client?.close();
      await companion?.stop();
    });

    const roundTrip = async (cluster: string, text: string) => {
      const { topics } = await client.ok({ type: 'listTopics', cluster });
      expect(topics.map((t) => t.name)).toContain(topic);
      const records = allWritten((await client.ok({ type: 'produce', cluster, topic, records: [{ key: { encoding: 'text', text: cluster }, value: { encoding: 'text', text } }] })).records);
      const { streamId } = await client.ok({ type: 'tailStart', cluster, topic, start: { from: 'offset', offset: records[0]!.offset } });
      const frame = await client.waitFor<RecordsFrame>((f) => f.type === 'records' && f.streamId === streamId);
      expect(frame.records[0]).toMatchObject({ offset: records[0]!.offset, value: { text } });
      await client.ok({ type: 'tailStop', streamId });
    };

    it('welcome names TLS and SASL per profile and carries no secret', async () => {
      const welcome = client.frames.find((f): f is WelcomeFrame => f.type === 'welcome')!;
      const byName = Object.fromEntries(welcome.clusters.map((c) => [c.name, c]));
      expect(byName.plain).toMatchObject({ tls: false, sasl: null });
      expect(byName.tls).toMatchObject({ tls: true, sasl: null });
      expect(byName.sasl).toMatchObject({ tls: true, sasl: 'plain' });
      expect(JSON.stringify(welcome)).not.toContain(PASSWORD);
      expect(JSON.stringify(welcome)).not.toContain(broker.caPem);
    });

    it('a profile with tls.ca reaches the TLS listener: list, produce, tail', async () => {
      await roundTrip('tls', 'over TLS');
    });

    it('a profile with TLS + SASL/PLAIN (passwordEnv) reaches the SASL_SSL listener: list, produce, tail', async () => {
      await roundTrip('sasl', 'over SASL_SSL');
    });

    it('a wrong password is a typed authentication error at once, not a timeout; the other profiles keep working', async () => {
      const started = performance.now();
      const reply = (await client.send({ type: 'listTopics', cluster: 'wrong-password' }, 30_000)) as ErrorFrame;
      const ms = performance.now() - started;
      expect(reply.type).toBe('error');
      expect(reply.error.code).toBe('KAFKA_AUTH_FAILED');
      expect(reply.error.message).toMatch(/authentication/i);
      expect(reply.error.message).not.toMatch(/not connected|timeout/i);
      expect(ms).toBeLessThan(5000);
      const tail = (await client.send({ type: 'tailStart', cluster: 'wrong-password', topic, start: { from: 'latest' } }, 30_000)) as ErrorFrame;
      expect(tail.error.code).toBe('KAFKA_AUTH_FAILED');
      await roundTrip('plain', 'still served');
      await roundTrip('sasl', 'still served over SASL');
    });

    it('an untrusted CA is refused with a typed TLS error naming the certificate', async () => {
      const started = performance.now();
      const reply = (await client.send({ type: 'listTopics', cluster: 'untrusted-ca' }, 30_000)) as ErrorFrame;
      expect(reply.error.code).toBe('KAFKA_TLS_FAILED');
      expect(reply.error.message).toMatch(/certificate/i);
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it('rejectUnauthorized: false connects only where the profile says so, and is warned about at start-up', async () => {
      await roundTrip('unverified', 'unverified TLS');
      expect(companion.output()).toMatch(/cluster "unverified": tls.rejectUnauthorized: false/);
      expect(companion.output().match(/rejectUnauthorized: false/g)).toHaveLength(1);
    });

    it('a profile without TLS pointed at the TLS listener fails clearly within a few seconds, not a hang', async () => {
      const started = performance.now();
      const reply = (await client.send({ type: 'listTopics', cluster: 'no-tls' }, 30_000)) as ErrorFrame;
      const ms = performance.now() - started;
      expect(reply.type).toBe('error');
      expect(reply.error.code).toBe('KAFKA_TLS_FAILED');
      expect(reply.error.message).toMatch(/TLS/);
      expect(ms).toBeLessThan(8000);
    });

    it('no password, CA path or key appears in any frame or log line', async () => {
      const everything = JSON.stringify(client.frames) + companion.output();
      expect(everything).not.toContain(PASSWORD);
      expect(everything).not.toContain(WRONG);
      expect(client.invalid).toEqual([]);
    });
  });

  describe('mutual TLS (the broker started with ssl.client.auth=required)', () => {
    let companion: CompanionProcess;
    let client: TestClient;

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ki-mtls-'));
      const broker = mtlsBroker;
      const { cert, key } = await makeClientCertificate(broker, dir);
      const file = join(dir, 'config.json');
      writeFileSync(
        file,
        JSON.stringify({
          clusters: [
            { name: 'with-cert', brokers: [broker.ssl], tls: { ca: broker.caPem, cert, key } },
            { name: 'without-cert', brokers: [broker.ssl], tls: { ca: broker.caPem } },
          ],
        }),
      );
      companion = await spawnCompanion(['--config', file, '--no-demo']);
      client = await TestClient.paired(companion.wsUrl, companion.token);
    }, 120_000);

    afterAll(async () => {
      client?.close();
      await companion?.stop();
    });

    it('a profile with cert and key is let in', async () => {
      const { brokers } = await client.ok({ type: 'describeCluster', cluster: 'with-cert' });
      expect(brokers.length).toBe(1);
    });

    it('a profile without a client certificate is refused with a typed TLS error, within a few seconds', async () => {
      const started = performance.now();
      const reply = (await client.send({ type: 'describeCluster', cluster: 'without-cert' }, 30_000)) as ErrorFrame;
      expect(reply.type).toBe('error');
      expect(['KAFKA_TLS_FAILED', 'KAFKA_AUTH_FAILED']).toContain(reply.error.code);
      expect(reply.error.message).toMatch(/certificate|TLS|handshake/i);
      expect(performance.now() - started).toBeLessThan(8000);
    });
  });
});
