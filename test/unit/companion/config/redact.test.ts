import { describe, expect, it } from 'vitest';
import { redactConfig } from '../../../../companion/src/config/redact';
import { type CompanionConfig, DEFAULT_LIMITS } from '../../../../companion/src/config/types';

const config: CompanionConfig = {
  host: '127.0.0.1',
  port: 7341,
  token: 'the-real-token-value',
  tokenFile: '/home/u/.config/kafka-inspector/token',
  readOnly: false,
  produceAllowList: null,
  extensionIds: [],
  clusters: [
    { name: 'prod', brokers: ['k:9093'], tls: true, sasl: { mechanism: 'plain', username: 'svc', password: 'p4ssw0rd-value' } },
    { name: 'dev', brokers: ['d:9092'] },
  ],
  limits: DEFAULT_LIMITS,
  uiDir: null,
};

describe('redactConfig', () => {
  it('hides the token and every password, keeping the rest', () => {
    const redacted = redactConfig(config);
    const text = JSON.stringify(redacted);
    expect(text).not.toContain('the-real-token-value');
    expect(text).not.toContain('p4ssw0rd-value');
    expect(redacted.token).toBe('***');
    expect(redacted.clusters[0]?.sasl).toEqual({ mechanism: 'plain', username: 'svc', password: '***' });
    expect(redacted.clusters[1]).toEqual({ name: 'dev', brokers: ['d:9092'] });
    expect(redacted.tokenFile).toBe(config.tokenFile);
  });

  it('leaves the original untouched', () => {
    redactConfig(config);
    expect(config.token).toBe('the-real-token-value');
    expect(config.clusters[0]?.sasl?.password).toBe('p4ssw0rd-value');
  });
});
