import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../../companion/src/config/cli-args';
import { ConfigError } from '../../../../companion/src/config/config-error';
import { helpText } from '../../../../companion/src/config/help';

const EXT_A = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_B = 'ponmlkjihgfedcbaponmlkjihgfedcba';
const env = { HOME: '/home/someone' };

describe('parseCliArgs', () => {
  it('leaves everything unsaid when given nothing', () => {
    expect(parseCliArgs([], env)).toEqual({
      help: false,
      version: false,
      brokers: undefined,
      configFile: undefined,
      port: undefined,
      host: undefined,
      readOnly: false,
      allowProduce: undefined,
      token: undefined,
      extensionIds: undefined,
      demo: undefined,
      configDir: '/home/someone/.config/kafka-inspector',
    });
  });

  it('reads every flag', () => {
    const options = parseCliArgs(
      [
        '--brokers', 'a:9092, b:9093,[::1]:9094',
        '--config', 'ki.json',
        '--port', '8080',
        '--host', '0.0.0.0',
        '--read-only',
        '--allow-produce', 'dev.*',
        '--allow-produce', 'test-*',
        '--token', 'a-long-enough-token',
        '--extension-id', EXT_A,
        '--extension-id', EXT_B,
        '--demo',
        '--config-dir', '/tmp/ki',
      ],
      env,
    );
    expect(options).toEqual({
      help: false,
      version: false,
      brokers: ['a:9092', 'b:9093', '[::1]:9094'],
      configFile: 'ki.json',
      port: 8080,
      host: '0.0.0.0',
      readOnly: true,
      allowProduce: ['dev.*', 'test-*'],
      token: 'a-long-enough-token',
      extensionIds: [EXT_A, EXT_B],
      demo: true,
      configDir: '/tmp/ki',
    });
  });

  it('reads --help, -h, --version, -v and --no-demo', () => {
    expect(parseCliArgs(['--help'], env).help).toBe(true);
    expect(parseCliArgs(['-h'], env).help).toBe(true);
    expect(parseCliArgs(['--version'], env).version).toBe(true);
    expect(parseCliArgs(['-v'], env).version).toBe(true);
    expect(parseCliArgs(['--no-demo'], env).demo).toBe(false);
  });

  it('falls back to the environment', () => {
    const options = parseCliArgs([], {
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      KAFKA_INSPECTOR_PORT: '9000',
      KAFKA_INSPECTOR_TOKEN: 'token-from-environment',
      KAFKA_INSPECTOR_EXTENSION_ID: `${EXT_A}, ${EXT_B}`,
      KAFKA_INSPECTOR_CONFIG_DIR: '/srv/ki',
    });
    expect(options).toMatchObject({
      brokers: ['k1:9092', 'k2:9092'],
      port: 9000,
      token: 'token-from-environment',
      extensionIds: [EXT_A, EXT_B],
      configDir: '/srv/ki',
    });
  });

  it('prefers flags to the environment', () => {
    const options = parseCliArgs(['--brokers', 'flag:1', '--port', '1', '--token', 'flag-token-0123456789', '--extension-id', EXT_B, '--config-dir', '/flag'], {
      KAFKA_BROKERS: 'env:2',
      KAFKA_INSPECTOR_PORT: '2',
      KAFKA_INSPECTOR_TOKEN: 'env-token-0123456789',
      KAFKA_INSPECTOR_EXTENSION_ID: EXT_A,
      KAFKA_INSPECTOR_CONFIG_DIR: '/env',
    });
    expect(options).toMatchObject({ brokers: ['flag:1'], port: 1, token: 'flag-token-0123456789', extensionIds: [EXT_B], configDir: '/flag' });
  });

  it('ignores empty environment variables', () => {
    expect(parseCliArgs([], { ...env, KAFKA_BROKERS: '', KAFKA_INSPECTOR_PORT: ' ', KAFKA_INSPECTOR_TOKEN: '' })).toMatchObject({
      brokers: undefined,
      port: undefined,
      token: undefined,
    });
  });

  it('finds the config dir under an absolute XDG_CONFIG_HOME only', () => {
    expect(parseCliArgs([], { HOME: '/h', XDG_CONFIG_HOME: '/xdg' }).configDir).toBe('/xdg/kafka-inspector');
    expect(parseCliArgs([], { HOME: '/h', XDG_CONFIG_HOME: 'relative' }).configDir).toBe('/h/.config/kafka-inspector');
    expect(parseCliArgs(['--config-dir', 'here'], env).configDir).toBe(join(process.cwd(), 'here'));
  });

  it.each([
    [['--port', 'abc'], /--port: "abc" is not a port number/],
    [['--port', '70000'], /--port: "70000" is not a port number/],
    [['--port', '-1'], /--port/],
    [['--port', '1.5'], /--port: "1.5"/],
    [['--port'], /--port <value>' argument missing/],
    [['--bogus'], /^unknown option --bogus \(see --help\)$/],
    [['-x'], /^unknown option -x/],
    [['serve'], /^unexpected argument: serve/],
    [['--read-only=yes'], /does not take an argument/],
    [['--brokers', 'localhost'], /--brokers: "localhost" is not host:port/],
    [['--brokers', 'h:0'], /not host:port/],
    [['--brokers', ' , '], /--brokers: no broker given/],
    [['--extension-id', 'not-an-id'], /--extension-id: "not-an-id" is not a Chrome extension id/],
    [['--demo', '--no-demo'], /contradict/],
    [['--host', ' '], /--host needs a non-empty value/],
    [['--token', 'x'.repeat(513)], /longer than 512/],
  ])('rejects %j with a ConfigError', (argv, message) => {
    expect(() => parseCliArgs(argv, env)).toThrow(ConfigError);
    expect(() => parseCliArgs(argv, env)).toThrow(message);
  });

  it('names the environment variable when its value is bad', () => {
    expect(() => parseCliArgs([], { KAFKA_INSPECTOR_PORT: 'http' })).toThrow(/^KAFKA_INSPECTOR_PORT: "http"/);
    expect(() => parseCliArgs([], { KAFKA_BROKERS: 'nope' })).toThrow(/^KAFKA_BROKERS: "nope"/);
    expect(() => parseCliArgs([], { KAFKA_INSPECTOR_EXTENSION_ID: 'x' })).toThrow(/^KAFKA_INSPECTOR_EXTENSION_ID: "x"/);
  });

  it('accepts port 0 (any free port)', () => {
    expect(parseCliArgs(['--port', '0'], env).port).toBe(0);
  });
});

describe('helpText', () => {
  it('lists every flag and environment variable', () => {
    const text = helpText();
    for (const name of [
      '--brokers', '--config ', '--port', '--host', '--read-only', '--allow-produce', '--token', '--extension-id',
      '--demo', '--no-demo', '--config-dir', '--help', '--version', 'KAFKA_BROKERS', 'KAFKA_INSPECTOR_PORT',
      'KAFKA_INSPECTOR_TOKEN', 'KAFKA_INSPECTOR_EXTENSION_ID', 'KAFKA_INSPECTOR_CONFIG_DIR', 'XDG_CONFIG_HOME', '7341',
    ]) {
      expect(text, name).toContain(name);
    }
  });
});
