import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../companion/src/config/load-config';
import { decoderSettingsFor } from '../../../../companion/src/schema/decoder-settings';
import { useTempDirs } from '../config/temp-dir';

const temp = useTempDirs();

async function load(argv: string[], env: Record<string, string>, file: unknown, extra: Record<string, string> = {}) {
  const dir = await temp.make();
  for (const [name, text] of Object.entries(extra)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  const config = await temp.writeJson(dir, 'config.json', file);
  return loadConfig(['--config-dir', dir, '--token', 'token-for-the-tests', '--config', config, ...argv], env);
}

const cluster = { name: 'prod', brokers: ['k:9092'] };

describe('schemaRegistry in a cluster profile (issue 11)', () => {
  it('resolves the password from passwordEnv and reads TLS PEMs as text', async () => {
    const { config } = await load([], { SR_PW: 's3cret' }, { clusters: [{ ...cluster, schemaRegistry: { url: 'https://sr:8081', basicAuth: { username: 'u', passwordEnv: 'SR_PW' }, tls: { ca: 'ca.pem' } } }] }, { 'ca.pem': 'PEM' });
    expect(config.clusters[0]?.schemaRegistry).toEqual({ url: 'https://sr:8081', username: 'u', password: 's3cret', tls: { ca: 'PEM' } });
  });

  it('names an unset passwordEnv variable, never a value', async () => {
    await expect(load([], {}, { clusters: [{ ...cluster, schemaRegistry: { url: 'http://sr', basicAuth: { username: 'u', passwordEnv: 'SR_PW' } } }] })).rejects.toThrow(/SR_PW.*not set/);
  });

  it('refuses a URL that is not http(s) and a misspelt key', async () => {
    await expect(load([], {}, { clusters: [{ ...cluster, schemaRegistry: { url: 'ftp://sr' } }] })).rejects.toThrow(/schemaRegistry\.url/);
    await expect(load([], {}, { clusters: [{ ...cluster, schemaRegistry: { url: 'http://sr', basicauth: {} } }] })).rejects.toThrow(/basicauth/);
  });

  it('--schema-registry sets the default profile registry', async () => {
    const { config } = await load(['--schema-registry', 'http://localhost:8081/'], {}, { clusters: [cluster] });
    expect(config.clusters[0]?.schemaRegistry).toEqual({ url: 'http://localhost:8081' });
    await expect(load(['--schema-registry', 'nope'], {}, { clusters: [cluster] })).rejects.toThrow(/--schema-registry needs a URL/);
  });
});

describe('local schema files bound to topics (issue 11)', () => {
  const proto = 'syntax = "proto3";\npackage shop;\nimport "common/money.proto";\nimport "google/protobuf/timestamp.proto";\nmessage Order { shop.Money total = 1; }\n';
  const money = 'syntax = "proto3";\npackage shop;\nmessage Money { string units = 1; }\n';

  it('reads .avsc and .proto files with their imports, at start', async () => {
    const { config } = await load([], {}, {
      clusters: [{ ...cluster, schemas: [{ topic: 'orders', key: { file: 'key.avsc' }, value: { file: 'protos/order.proto', messageType: 'shop.Order', importPaths: ['lib'] } }] }],
    }, { 'key.avsc': '"string"', 'protos/order.proto': proto, 'lib/common/money.proto': money });
    const topic = config.clusters[0]?.schemas?.orders;
    expect(topic?.key?.schema).toEqual({ file: 'key.avsc', format: 'avro', contents: '"string"' });
    expect(topic?.value?.schema).toMatchObject({ format: 'protobuf', messageType: 'shop.Order', imports: { 'common/money.proto': money } });
  });

  it('a missing import is a config error naming it', async () => {
    await expect(load([], {}, { clusters: [{ ...cluster, schemas: [{ topic: 'orders', value: { file: 'order.proto' } }] }] }, { 'order.proto': proto })).rejects.toThrow(/import "common\/money.proto"/);
  });

  it('decoderSettingsFor lays a tail\'s forced decoders over the topic\'s schema', async () => {
    const { config } = await load([], {}, { clusters: [{ ...cluster, schemaRegistry: { url: 'http://sr' }, schemas: [{ topic: 'orders', value: { file: 'v.avsc' } }] }] }, { 'v.avsc': '"long"' });
    const settings = decoderSettingsFor(config, 'prod', 'orders', { key: 'int64' });
    expect(settings.registry?.url).toBe('http://sr');
    expect(settings.topics?.orders?.key).toEqual({ decoder: 'int64' });
    expect(settings.topics?.orders?.value?.schema?.contents).toBe('"long"');
    expect(decoderSettingsFor(config, 'prod', 'other').topics).toBeUndefined();
  });
});
