import { describe, expect, it } from 'vitest';
import { banner } from '../../../../companion/src/cli/banner';
import { DEFAULT_LIMITS } from '../../../../companion/src/config';

const config = {
  host: '127.0.0.1', port: 7341, token: 'tok-123', tokenFile: '/home/u/.config/kafka-inspector/token', readOnly: false, produceAllowList: null,
  extensionIds: [], clusters: [{ name: 'demo', brokers: ['127.0.0.1:4000'], demo: true }], limits: DEFAULT_LIMITS, uiDir: null,
};

describe('start-up banner', () => {
  it('prints the URL with the token, where the token lives, and flags the demo broker', () => {
    const text = banner({ config, url: 'http://127.0.0.1:7341', version: '0.1.0', demo: true, uiBuilt: true, extensionDir: '/repo/extension/.output/chrome-mv3', warnings: [] });
    expect(text).toContain('http://127.0.0.1:7341/#token=tok-123');
    expect(text).toContain('/home/u/.config/kafka-inspector/token');
    expect(text).toContain('[DEMO BROKER]');
    expect(text).toContain('Load unpacked');
  });

  it('never prints SASL credentials', () => {
    const secret = { ...config, clusters: [{ name: 'prod', brokers: ['b:9093'], sasl: { mechanism: 'plain' as const, username: 'svc', password: 'hunter2' } }] };
    expect(banner({ config: secret, url: 'http://127.0.0.1:7341', version: '0.1.0', demo: false, uiBuilt: false, extensionDir: null, warnings: [] })).not.toContain('hunter2');
  });
});
