import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, isMockBroker, testBrokers } from '../helpers/broker';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { connectionsTo, establishedSockets, rssMb, settle, steady } from '../helpers/sockets';
import { TestClient } from '../helpers/ws-client';

const CYCLES = Number(process.env.LEAK_CYCLES ?? 1000);
const brokerPorts = () => testBrokers().map((b) => Number(b.split(':').at(-1)));

describe(`${CYCLES} connect / start tail / disconnect cycles`, () => {
  let companion: CompanionProcess;
  beforeAll(async () => {
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
  });
  afterAll(() => companion.stop());

  it('leave no broker connections, no sockets, no groups behind, and memory near its baseline', async () => {
    const topic = await createTestTopic(4);
    const pid = companion.child.pid!;
    const groupsBefore = isMockBroker() ? null : await listGroups(companion);
    const cycle = async () => {
      const client = await TestClient.paired(companion.wsUrl, companion.token);
      await client.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
      client.close();
    };
    for (let i = 0; i < 50; i++) await cycle(); // warm-up: JIT, pools, the shared admin connection
    const sample = () => `${connectionsTo(brokerPorts(), pid)}/${establishedSockets(pid)}`;
    await steady(sample);
    const baseline = { broker: connectionsTo(brokerPorts(), pid), sockets: establishedSockets(pid), rss: rssMb(pid) };

    for (let i = 0; i < CYCLES; i++) await cycle();
    await settle(() => connectionsTo(brokerPorts(), pid) === baseline.broker && establishedSockets(pid) === baseline.sockets);
    const after = { broker: connectionsTo(brokerPorts(), pid), sockets: establishedSockets(pid), rss: rssMb(pid) };
    console.log(`leaks after ${CYCLES} cycles: broker connections ${baseline.broker} -> ${after.broker}, sockets ${baseline.sockets} -> ${after.sockets}, RSS ${baseline.rss.toFixed(1)} -> ${after.rss.toFixed(1)} MB`);
    expect(after.broker).toBe(baseline.broker);
    expect(after.sockets).toBe(baseline.sockets);
    // No forced GC in the child: allow garbage not yet collected, but not per-cycle growth.
    expect(after.rss - baseline.rss).toBeLessThan(40);
    if (groupsBefore) expect(await listGroups(companion)).toEqual(groupsBefore);
  }, 300_000);
});

async function listGroups(companion: CompanionProcess): Promise<string[]> {
  const client = await TestClient.paired(companion.wsUrl, companion.token);
  const { groups } = await client.ok({ type: 'listGroups' });
  client.close();
  return groups.map((g) => g.groupId).sort();
}
