import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, deleteTestTopics, isMockBroker, testBrokers, testName } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { b64, ORDER_V1, ORDER_V2, register } from '../helpers/schema-registry';
import { TestClient } from '../helpers/ws-client';

/**
 * A registry that fails while records are tailed: one that refuses the credentials, and a real
 * Karapace (../shared/schema-registry) stopped mid-tail and started again. Records show raw with
 * the reason, never a secret, and the stream goes on.
 */
const REGISTRY = process.env.SCHEMA_REGISTRY_URL;
const skipReason = REGISTRY ? '' : ' (skipped: needs SCHEMA_REGISTRY_URL, a real schema registry)';
const LAUNCHER = resolve(process.cwd(), '..', 'shared', 'schema-registry', 'schema-registry');

describe.skipIf(!REGISTRY)(`a registry that answers 401${skipReason}`, () => {
  // Karapace 3.7.3 has basic auth (registry_authfile) that ../shared/schema-registry never tried,
  // so a tiny local HTTP server answers 401 for this one case.
  let server: Server;
  let companion: TestCompanion;
  let client: TestClient;
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error_code":401,"message":"Unauthorized"}'));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    companion = await startTestCompanion({ clusters: [{ name: 'test', brokers: testBrokers(), schemaRegistry: { url, username: 'svc-inspector', password: 'pa55-w0rd-secret' } }] });
    client = await TestClient.paired(companion.wsUrl, companion.token);
  });
  afterAll(async () => {
    client?.close();
    await companion?.close();
    await new Promise((ok) => server.close(ok));
  });

  it('shows the record raw with a clear reason and no secret; the stream goes on', async () => {
    const topic = await createTestTopic(1, 'ki-401');
    await client.ok({ type: 'produce', topic, records: [{ key: null, value: b64(Buffer.from([0, 0, 0, 0, 1, 2])) }, { key: null, value: { encoding: 'text', text: 'plain' } }] });
    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    const [raw, plain] = await client.waitForRecords(streamId, 2, 20_000);
    expect(raw?.value?.decoded?.error).toMatch(/refused the credentials \(HTTP 401/);
    const frames = JSON.stringify(client.streamFrames(streamId));
    expect(frames).not.toContain('pa55-w0rd-secret');
    expect(frames).not.toContain('svc-inspector');
    expect(plain?.value).toEqual({ encoding: 'text', text: 'plain', size: 5 });
    await deleteTestTopics([topic]);
  });
});

const run = promisify(execFile);
const canLaunch = Boolean(REGISTRY) && existsSync(LAUNCHER);

const outageSkip = !canLaunch ? ' (skipped: needs SCHEMA_REGISTRY_URL and ../shared/schema-registry)' : isMockBrokerSafe() ? ' (skipped on the mock broker: Karapace needs a real Kafka)' : '';
describe.skipIf(outageSkip !== '')(
  `a registry stopped mid-tail${outageSkip}`,
  () => {
    let pid = '';
    let url = '';
    let companion: TestCompanion;
    let client: TestClient;
    const storage = testName('ki-schemas');

    async function startRegistry(): Promise<string> {
      const { stdout } = await run(LAUNCHER, ['start', '--kafka', testBrokers()[0]!, '--topic', storage, '--group', storage, '--port', url ? new URL(url).port : '0'], { timeout: 120_000 });
      const [started, address] = stdout.trim().split(/\s+/);
      pid = started!;
      return address!;
    }

    beforeAll(async () => {
      url = await startRegistry();
      companion = await startTestCompanion({ clusters: [{ name: 'test', brokers: testBrokers(), schemaRegistry: { url } }] });
      client = await TestClient.paired(companion.wsUrl, companion.token);
    }, 150_000);
    afterAll(async () => {
      client?.close();
      await companion?.close();
      if (pid) await run(LAUNCHER, ['stop', pid]).catch(() => {});
    }, 30_000);

    it('records show raw with the reason while it is down, and decode again when it is back', async () => {
      const topic = await createTestTopic(1, 'ki-outage');
      const sr = new SchemaRegistryClient({ baseURLs: [url] });
      const first = await register(url, `${topic}-value`, JSON.stringify(ORDER_V1));
      const second = await register(url, `${topic}-value`, JSON.stringify(ORDER_V2));
      const v1 = await new AvroSerializer(sr, SerdeType.VALUE, { useSchemaId: first }).serialize(topic, { id: 1, customer: { id: 'a' } });
      const v2 = await new AvroSerializer(sr, SerdeType.VALUE, { useSchemaId: second }).serialize(topic, { id: 2, customer: { id: 'b' }, amount: null });
      const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
      await client.ok({ type: 'produce', topic, records: [{ key: null, value: b64(v1) }] });
      await client.waitForRecords(streamId, 1, 20_000);

      await run(LAUNCHER, ['stop', pid]);
      pid = '';
      // Schema `second` was never fetched: with the registry gone, its record shows raw with the reason.
      await client.ok({ type: 'produce', topic, records: [{ key: null, value: b64(v2) }, { key: null, value: b64(v1) }] });
      const down = await client.waitForRecords(streamId, 3, 20_000);
      expect(down[1]?.value?.decoded).toMatchObject({ format: 'schema-registry', schemaId: second, error: expect.stringMatching(/did not answer/) });
      // The cached schema still decodes.
      expect(down[2]?.value?.decoded?.format).toBe('avro');

      await startRegistry();
      await new Promise((ok) => setTimeout(ok, 1500));
      await client.ok({ type: 'produce', topic, records: [{ key: null, value: b64(v2) }] });
      const back = await client.waitForRecords(streamId, 4, 20_000);
      expect(back[3]?.value?.decoded).toMatchObject({ format: 'avro', schemaId: second });
      await client.ok({ type: 'tailStop', streamId });
      await deleteTestTopics([topic]);
    }, 180_000);
  },
);

/** isMockBroker reads the harness's injected values, which exist only inside a test file's run. */
function isMockBrokerSafe(): boolean {
  try {
    return isMockBroker();
  } catch {
    return true;
  }
}
