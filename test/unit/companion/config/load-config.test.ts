import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../companion/src/config/config-error';
import { loadConfig } from '../../../../companion/src/config/load-config';
import { DEFAULT_LIMITS } from '../../../../companion/src/config/types';
import { useTempDirs } from './temp-dir';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const temp = useTempDirs();

/** loadConfig with the config dir in a temp folder and a fixed token, unless the test says otherwise. */
async function load(argv: string[], env: Record<string, string> = {}, files: Record<string, unknown> = {}) {
  const dir = await temp.make();
  for (const [name, content] of Object.entries(files)) await temp.writeJson(dir, name, content);
  return { dir, ...(await loadConfig(['--config-dir', dir, '--token', 'token-for-the-tests', ...argv], env)) };
}

describe('loadConfig defaults', () => {
  it('listens on loopback at the default port and starts the demo broker when nothing is configured', async () => {
    const { config, warnings, demo } = await load([]);
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 7341,
      token: 'token-for-the-tests',
      tokenFile: null,
      readOnly: false,
      produceAllowList: null,
      extensionIds: [],
      allowOrigins: [],
      clusters: [],
      limits: DEFAULT_LIMITS,
      uiDir: null,
    });
    expect(warnings).toEqual([]);
    expect(demo).toBe(true);
  });

  it('makes a token file when no token is given', async () => {
    const dir = await temp.make();
    const { config } = await loadConfig(['--config-dir', dir], {});
    expect(config.tokenFile).toBe(join(dir, 'token'));
    expect(config.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('loadConfig with a config file', () => {
  const fileConfig = {
    clusters: [
      { name: 'prod', brokers: ['kafka1:9093'], tls: true, sasl: { mechanism: 'scram-sha-512', username: 'ki', passwordEnv: 'PROD_PW' } },
      { name: 'default', brokers: ['old:9092'] },
    ],
    readOnly: true,
    allowProduce: ['dev.*'],
    extensionIds: [EXT],
    port: 9100,
    host: 'localhost',
    limits: { maxValuePreviewBytes: 1024 },
  };

  it('reads <config dir>/config.json and resolves passwordEnv', async () => {
    const { config, warnings, demo } = await load([], { PROD_PW: 's3cret' }, { 'config.json': fileConfig });
    expect(config).toMatchObject({
      host: 'localhost',
      port: 9100,
      readOnly: true,
      produceAllowList: ['dev.*'],
      extensionIds: [EXT],
      limits: { ...DEFAULT_LIMITS, maxValuePreviewBytes: 1024 },
    });
    expect(config.clusters).toEqual([
      { name: 'prod', brokers: ['kafka1:9093'], tls: true, sasl: { mechanism: 'scram-sha-512', username: 'ki', password: 's3cret' } },
      { name: 'default', brokers: ['old:9092'] },
    ]);
    expect(warnings).toEqual(['read-only mode is on, so the produce allow-list has no effect']);
    expect(demo).toBe(false);
  });

  it('warns at start-up about a profile that turns certificate checks off, and only that one', async () => {
    const clusters = [
      { name: 'unchecked', brokers: ['k:9093'], tls: { rejectUnauthorized: false } },
      { name: 'checked', brokers: ['k:9093'], tls: { rejectUnauthorized: true } },
    ];
    const { config, warnings } = await load([], {}, { 'config.json': { clusters } });
    expect(config.clusters[0]!.tls).toEqual({ rejectUnauthorized: false });
    expect(warnings.filter((w) => /rejectUnauthorized/.test(w))).toEqual([expect.stringMatching(/cluster "unchecked": tls.rejectUnauthorized: false, so the brokers' certificates are not checked/)]);
  });

  it('lets flags and environment override the file', async () => {
    const dir = await temp.make();
    const file = await temp.writeJson(dir, 'custom.json', fileConfig);
    const { config } = await loadConfig(
      ['--config', file, '--config-dir', dir, '--host', '127.0.0.1', '--allow-produce', 'x', '--extension-id', 'ponmlkjihgfedcbaponmlkjihgfedcba'],
      { PROD_PW: 'pw', KAFKA_INSPECTOR_PORT: '9200', KAFKA_BROKERS: 'new:9092', KAFKA_INSPECTOR_TOKEN: 'env-token-long-enough' },
    );
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 9200,
      token: 'env-token-long-enough',
      tokenFile: null,
      produceAllowList: ['x'],
      extensionIds: ['ponmlkjihgfedcbaponmlkjihgfedcba'],
    });
    // --brokers / KAFKA_BROKERS replaces the file's "default" profile and comes first.
    expect(config.clusters.map((cluster) => [cluster.name, cluster.brokers])).toEqual([
      ['default', ['new:9092']],
      ['prod', ['kafka1:9093']],
    ]);
  });

  it('creates the "default" profile from --brokers', async () => {
    const { config, demo } = await load(['--brokers', 'localhost:9092']);
    expect(config.clusters).toEqual([{ name: 'default', brokers: ['localhost:9092'] }]);
    expect(demo).toBe(false);
  });

  it('decides the demo broker from --demo and --no-demo', async () => {
    expect((await load(['--brokers', 'h:1', '--demo'])).demo).toBe(true);
    const none = await load(['--no-demo']);
    expect(none.demo).toBe(false);
    expect(none.warnings).toContainEqual(expect.stringMatching(/no cluster is configured/));
  });

  it('fails when passwordEnv names an unset variable, naming the variable only', async () => {
    await expect(load([], { OTHER: 'x' }, { 'config.json': fileConfig })).rejects.toThrow(
      /cluster "prod": sasl.passwordEnv names PROD_PW, but that environment variable is not set/,
    );
  });

  it('accepts a plain password with a warning that does not contain it', async () => {
    const plain = { clusters: [{ name: 'dev', brokers: ['d:9092'], sasl: { mechanism: 'plain', username: 'u', password: 'hunter2-secret' } }] };
    const { config, warnings } = await load([], {}, { 'config.json': plain });
    expect(config.clusters[0]?.sasl?.password).toBe('hunter2-secret');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cluster "dev": sasl.password is stored in plain text/);
    expect(warnings.join('\n')).not.toContain('hunter2');
  });

  it('warns when a file holding a password is readable by others', async () => {
    const dir = await temp.make();
    const plain = { clusters: [{ name: 'dev', brokers: ['d:9092'], sasl: { mechanism: 'plain', username: 'u', password: 'pw' } }] };
    await writeFile(join(dir, 'config.json'), JSON.stringify(plain), { mode: 0o644 });
    const { warnings } = await loadConfig(['--config-dir', dir, '--token', 'token-for-the-tests'], {});
    expect(warnings).toContainEqual(expect.stringMatching(/other users can read it: chmod 600/));
  });

  it('resolves TLS files relative to the config file and checks they exist', async () => {
    const dir = await temp.make();
    await writeFile(join(dir, 'ca.pem'), 'pem');
    const tls = { clusters: [{ name: 'tls', brokers: ['t:9093'], tls: { ca: 'ca.pem', rejectUnauthorized: false } }] };
    const { config } = await load(['--config', await temp.writeJson(dir, 'ki.json', tls)]);
    expect(config.clusters[0]?.tls).toEqual({ ca: join(dir, 'ca.pem'), rejectUnauthorized: false });

    const missing = { clusters: [{ name: 'tls', brokers: ['t:9093'], tls: { cert: 'nope.pem' } }] };
    await expect(load(['--config', await temp.writeJson(dir, 'bad.json', missing)])).rejects.toThrow(/tls.cert file .*nope.pem cannot be read/);
  });

  it.each([
    ['a wrong broker', { clusters: [{ name: 'a', brokers: ['nohost'] }] }, /clusters\.0\.brokers\.0: expected host:port/],
    ['an unknown mechanism', { clusters: [{ name: 'a', brokers: ['h:1'], sasl: { mechanism: 'gssapi', username: 'u', passwordEnv: 'X' } }] }, /clusters\.0\.sasl\.mechanism:/],
    ['both password kinds', { clusters: [{ name: 'a', brokers: ['h:1'], sasl: { mechanism: 'plain', username: 'u', password: 'p', passwordEnv: 'X' } }] }, /clusters\.0\.sasl: set exactly one of "passwordEnv"/],
    ['a misspelt key', { readonly: true }, /\(top level\): Unrecognized key: "readonly"/],
    ['duplicate cluster names', { clusters: [{ name: 'a', brokers: ['h:1'] }, { name: 'a', brokers: ['h:2'] }] }, /clusters: cluster names must be unique/],
    ['a bad port', { port: 99999 }, /port: Too big/],
    ['a bad limit', { limits: { maxBatchRecords: 0 } }, /limits\.maxBatchRecords: Too small/],
    ['an unknown limit', { limits: { maxFun: 1 } }, /limits: Unrecognized key: "maxFun"/],
    ['a bad extension id', { extensionIds: ['x'] }, /extensionIds\.0: a Chrome extension id/],
  ])('rejects %s with a message naming the path', async (_name, content, message) => {
    const attempt = load([], {}, { 'config.json': content });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(load([], {}, { 'config.json': content })).rejects.toThrow(message);
  });

  it('carries a cluster fetchMaxWaitMs into its profile and rejects one out of range', async () => {
    const { config } = await load([], {}, { 'config.json': { clusters: [{ name: 'mock', brokers: ['127.0.0.1:9092'], fetchMaxWaitMs: 20 }, { name: 'real', brokers: ['k:9092'] }] } });
    expect(config.clusters.map((cluster) => cluster.fetchMaxWaitMs)).toEqual([20, undefined]);
    await expect(load([], {}, { 'config.json': { clusters: [{ name: 'mock', brokers: ['127.0.0.1:9092'], fetchMaxWaitMs: 0 }] } })).rejects.toThrow(/clusters\.0\.fetchMaxWaitMs/);
  });

  it('rejects a file that is not JSON', async () => {
    await expect(load([], {}, { 'config.json': '{ "port": 1, }' })).rejects.toThrow(/config\.json is not valid JSON/);
  });

  it('fails on a missing --config file but not on a missing default one', async () => {
    await expect(load(['--config', '/nonexistent/ki.json'])).rejects.toThrow(/config file \/nonexistent\/ki.json: cannot read it/);
    await expect(load([])).resolves.toBeDefined();
  });
});

describe('loadConfig warnings', () => {
  it('warns loudly about a non-loopback host and not about loopback ones', async () => {
    const { warnings } = await load(['--host', '0.0.0.0']);
    expect(warnings).toContainEqual(expect.stringMatching(/^WARNING: listening on 0\.0\.0\.0, not loopback/));
    for (const host of ['127.0.0.1', '::1', 'localhost']) {
      expect((await load(['--host', host])).warnings).toEqual([]);
    }
  });

  it('warns about a moot allow-list', async () => {
    const dir = await temp.make();
    const { warnings } = await loadConfig(['--config-dir', dir, '--token', 'token-for-the-tests', '--read-only', '--allow-produce', 'a'], {});
    expect(warnings).toContainEqual(expect.stringMatching(/read-only mode is on/));
  });

  it('refuses a token too short to resist guessing, from the flag, the environment or the file (16 characters at least)', async () => {
    const dir = await temp.make();
    await expect(loadConfig(['--config-dir', dir, '--token', 'short'], {})).rejects.toThrow(/--token has 5 characters; at least 16/);
    await expect(loadConfig(['--config-dir', dir], { KAFKA_INSPECTOR_TOKEN: '0123456789abcde' })).rejects.toThrow(/KAFKA_INSPECTOR_TOKEN has 15 characters/);
    await writeFile(join(dir, 'token'), 'my-own-token\n', { mode: 0o600 });
    await expect(loadConfig(['--config-dir', dir], {})).rejects.toThrow(/token \(delete the file to have a new one made\) has 12 characters/);
    await expect(loadConfig(['--config-dir', dir, '--token', '0123456789abcdef'], {})).resolves.toHaveProperty('config.token', '0123456789abcdef');
  });
});
