import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { WireRecord } from '@kafka-inspector/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kcatProduceCommand } from '../../extension/src/store/kcat-command';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';
import { allWritten } from '../helpers/produced';

const KCAT = '/usr/bin/kcat';

/** The panel's "Copy kcat produce" command, run by bash with Debian's kcat, recreates the record. */
describe.skipIf(!existsSync(KCAT))('kcat produce command (needs Debian kcat at /usr/bin/kcat)', () => {
  let companion: TestCompanion;
  let client: TestClient;
  let topic: string;

  beforeAll(async () => {
    companion = await startTestCompanion();
    client = await TestClient.paired(companion.wsUrl, companion.token);
    topic = await createTestTopic(2);
  });
  afterAll(async () => {
    client.close();
    await companion.close();
  });

  const bytesOf = (d: WireRecord['value']) => (d === null ? null : d.encoding === 'binary' ? Buffer.from(d.base64, 'base64') : Buffer.from(d.text));

  it.each([
    ['compact JSON with a key and a header', { partition: 1, key: { encoding: 'text' as const, text: "it's k" }, value: { encoding: 'json' as const, text: '{"a":1,"b":"x y\\nz"}' }, headers: [{ key: 'trace', value: { encoding: 'text' as const, text: 'a=b c' } }] }],
    ['text with newlines and quotes', { partition: 0, key: null, value: { encoding: 'text' as const, text: "line 1\nline 'two'\n" } }],
    ['bytes that are not UTF-8', { partition: 0, key: { encoding: 'text' as const, text: 'bin' }, value: { encoding: 'binary' as const, base64: Buffer.from([0, 255, 10, 13, 39]).toString('base64') } }],
  ])('%s: same partition, key, headers and value bytes', async (_name, outgoing) => {
    const [written] = allWritten((await client.ok({ type: 'produce', topic, records: [outgoing] })).records);
    const { record } = await client.ok({ type: 'recordGet', topic, partition: written!.partition, offset: written!.offset });
    const command = kcatProduceCommand(record, testBrokers());
    expect(command).not.toBeNull();
    execFileSync('bash', ['-c', command!], { timeout: 20_000, stdio: 'pipe' });
    const { high } = await client.ok({ type: 'recordGet', topic, partition: record.partition, offset: record.offset });
    const again = (await client.ok({ type: 'recordGet', topic, partition: record.partition, offset: String(BigInt(high) - 1n) })).record;
    expect(again.offset).not.toBe(record.offset);
    expect(bytesOf(again.value)).toEqual(bytesOf(record.value));
    expect(bytesOf(again.key)).toEqual(bytesOf(record.key));
    expect(again.headers.map((h) => [h.key, bytesOf(h.value)?.toString()])).toEqual(record.headers.map((h) => [h.key, bytesOf(h.value)?.toString()]));
  });
});
