import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

/** The client printed in docs/protocol.md, run as a user would run it, against a live companion. */
describe('the Node client in docs/protocol.md', () => {
  let companion: TestCompanion;
  beforeAll(async () => {
    companion = await startTestCompanion();
  });
  afterAll(() => companion.close());

  it('pairs, lists topics, tails and produces', async () => {
    const topic = await createTestTopic(1, 'aaa-doc-client');
    const seed = await TestClient.paired(companion.wsUrl, companion.token);
    await seed.ok({ type: 'produce', topic, records: [{ key: { encoding: 'text', text: 'seed' }, value: { encoding: 'text', text: 'first' } }] });
    seed.close();

    const doc = readFileSync('docs/protocol.md', 'utf8');
    const code = /```js\n([\s\S]*?)```/.exec(doc)![1]!.replace('ws://127.0.0.1:7341/ws', companion.wsUrl);
    mkdirSync('test-output', { recursive: true });
    const file = resolve('test-output/doc-client.mjs');
    writeFileSync(file, code);
    const child = spawn(process.execPath, [file], { env: { ...process.env, TOKEN: companion.token, TOPIC: topic } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (!/produced at[\s\S]*0:1 hello/.test(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill();
    expect(output).toMatch(/topics: .*aaa-doc-client/);
    expect(output).toContain('0:0 seed first');
    expect(output).toMatch(/produced at \{ partition: 0, offset: '1' \}/);
    expect(output).toContain('0:1 hello {"from":"client.mjs"}');
  });
});
