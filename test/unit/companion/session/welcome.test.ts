import { WelcomeSchema } from '@kafka-inspector/shared';
import { describe, expect, it } from 'vitest';
import { type CompanionConfig, DEFAULT_LIMITS } from '../../../../companion/src/config';
import { welcomeFor } from '../../../../companion/src/session/welcome';

const config = (overrides: Partial<CompanionConfig> = {}): CompanionConfig => ({
  host: '127.0.0.1',
  port: 7341,
  token: 'secret-token',
  tokenFile: null,
  readOnly: false,
  produceAllowList: null,
  extensionIds: [],
  clusters: [{ name: 'demo', brokers: ['127.0.0.1:9092'], demo: true }],
  limits: DEFAULT_LIMITS,
  uiDir: null,
  ...overrides,
});

describe('welcome', () => {
  it('reports every limit the doc lists, as configured', () => {
    // The eight of docs/protocol.md's "Limits", each set away from its default.
    const documented = { maxFrameBytes: 1000, maxRecordBytes: 900, maxValuePreviewBytes: 100, maxStreamsPerSocket: 3, maxSockets: 7, maxBatchRecords: 50, batchIntervalMs: 10, highWaterBytes: 4096 };
    const welcome = welcomeFor(config({ limits: { ...DEFAULT_LIMITS, ...documented } }), '0.1.0');
    expect(welcome.capabilities.limits).toMatchObject(documented);
    expect(WelcomeSchema.parse(welcome).capabilities.limits).toMatchObject(documented);
  });

  it('describes secured profiles by shape only: tls a boolean, sasl the mechanism or null', () => {
    const welcome = welcomeFor(
      config({
        clusters: [
          { name: 'prod', brokers: ['kafka:9093'], tls: { ca: '/etc/ca.pem' }, sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } },
          { name: 'plain', brokers: ['kafka:9092'] },
        ],
      }),
      '0.1.0',
    );
    expect(welcome.clusters).toEqual([
      { name: 'prod', default: true, brokers: ['kafka:9093'], tls: true, sasl: 'scram-sha-512', demo: false },
      { name: 'plain', default: false, brokers: ['kafka:9092'], tls: false, sasl: null, demo: false },
    ]);
    expect(JSON.stringify(welcome)).not.toMatch(/secret-token|"u"|"p"|ca\.pem/);
  });
});
