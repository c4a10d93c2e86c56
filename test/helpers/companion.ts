import { type CompanionConfig, DEFAULT_LIMITS } from '../../companion/src/config';
import { createKafkaJsGateway, GatewayError, type KafkaGateway } from '../../companion/src/kafka';
import { startCompanion } from '../../companion/src/server/start';
import { afterAll, beforeAll } from 'vitest';
import { testBrokers } from './broker';
import { TestClient } from './ws-client';

export interface TestCompanion {
  url: string;
  wsUrl: string;
  port: number;
  token: string;
  config: CompanionConfig;
  gateway: KafkaGateway;
  close(): Promise<void>;
}

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface TestCompanionOptions {
  /** The cluster's Fetch max wait: 200 ms by default (quick tests); null for the gateway's own default, as users run it. */
  fetchMaxWaitMs?: number | null;
}

/** The companion in-process, on a free loopback port, against the broker under test. */
export async function startTestCompanion(overrides: Partial<CompanionConfig> = {}, options: TestCompanionOptions = {}): Promise<TestCompanion> {
  const config: CompanionConfig = {
    host: '127.0.0.1',
    port: 0,
    token: TEST_TOKEN,
    tokenFile: null,
    readOnly: false,
    produceAllowList: null,
    extensionIds: [],
    clusters: [{ name: 'test', brokers: testBrokers() }],
    uiDir: null,
    ...overrides,
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
  };
  const fetchMaxWaitMs = options.fetchMaxWaitMs === undefined ? 200 : options.fetchMaxWaitMs;
  const gateway = createKafkaJsGateway({ ...config.clusters[0]!, ...(fetchMaxWaitMs === null ? {} : { fetchMaxWaitMs }) });
  const running = await startCompanion(config, {
    gatewayFor: (name) => {
      if (name !== config.clusters[0]!.name) throw new GatewayError('NOT_FOUND', `no cluster profile named "${name}"`);
      return gateway;
    },
    uiDir: null,
    serverVersion: '0.0.0-test',
  });
  return {
    url: running.url,
    wsUrl: `${running.url.replace(/^http/, 'ws')}/ws`,
    port: running.port,
    token: config.token,
    config,
    gateway,
    async close() {
      await running.close();
      await gateway.close();
    },
  };
}

/**
 * For a describe block: a test companion and one client paired with it, started before its tests
 * and closed after them. Read `companion` and `client` inside tests, not at collection time.
 */
export function usePairedCompanion(overrides: Partial<CompanionConfig> = {}, options: TestCompanionOptions = {}): { readonly companion: TestCompanion; readonly client: TestClient } {
  let companion: TestCompanion | undefined;
  let client: TestClient | undefined;
  beforeAll(async () => {
    companion = await startTestCompanion(overrides, options);
    client = await TestClient.paired(companion.wsUrl, companion.token);
  });
  afterAll(async () => {
    client?.close();
    await companion?.close();
  });
  return {
    get companion() {
      if (!companion) throw new Error('usePairedCompanion: read it inside a test');
      return companion;
    },
    get client() {
      if (!client) throw new Error('usePairedCompanion: read it inside a test');
      return client;
    },
  };
}
