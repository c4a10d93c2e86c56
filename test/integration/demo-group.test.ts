import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { TestClient } from '../helpers/ws-client';

/**
 * The demo's consumer group (issue 14, item 12). The demo always runs on librdkafka's mock broker,
 * whatever KAFKA_BROKERS says, so this runs the same on a real-Kafka run. The mock has no ListGroups
 * or DescribeGroups: the group is listed because the companion runs it, and its lag comes from
 * OffsetFetch + ListOffsets, which the mock has.
 */
describe('the demo consumer group', () => {
  let companion: CompanionProcess;
  let client: TestClient;
  beforeAll(async () => {
    companion = await spawnCompanion(['--demo'], {}, { ownGroup: true });
    client = await TestClient.paired(companion.wsUrl, companion.token);
  });
  afterAll(async () => {
    client?.close();
    await companion?.stop('SIGINT');
  });

  it('is listed although the broker has no ListGroups, with state and members unknown', async () => {
    const { groups } = await client.ok({ type: 'listGroups' });
    expect(groups).toEqual([{ groupId: 'demo-order-processor', protocolType: 'consumer', state: null, members: null }]);
  });

  it('commits offsets on orders and lags behind the generator: per-partition committed, end and lag', { timeout: 60_000 }, async () => {
    let detail = await client.ok({ type: 'describeGroup', groupId: 'demo-order-processor' });
    await expect
      .poll(
        async () => {
          detail = await client.ok({ type: 'describeGroup', groupId: 'demo-order-processor' });
          return detail.offsets.some((o) => o.committed !== null) && BigInt(detail.totalLag) > 0n;
        },
        { timeout: 45_000, interval: 1000 },
      )
      .toBe(true);
    expect(detail.offsets.length).toBeGreaterThan(0);
    for (const o of detail.offsets) {
      expect(o.topic).toBe('orders');
      if (o.committed !== null) expect(o.lag).toBe((BigInt(o.end) - BigInt(o.committed)).toString());
    }
    // The mock cannot describe groups: members are unknown and the answer says why.
    expect(detail.members).toBeNull();
    expect(detail.membersError?.code).toBe('UNSUPPORTED_BY_BROKER');
  });

  it('still stops at once and quietly on Ctrl-C with the group joined', async () => {
    const { code, ms } = await companion.stop('SIGINT');
    expect(code).toBe(0);
    expect(companion.output()).not.toMatch(/^\s+at |GatewayError|demo consumer group:/m);
    // Generous for a loaded machine; a consumer stuck in its wait or a rebalance would take many seconds.
    expect(ms).toBeLessThan(5000);
  });
});
