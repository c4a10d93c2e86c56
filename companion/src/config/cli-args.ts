import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nonEmpty, resolveConfigDir } from './config-dir';
import { ConfigError } from './config-error';
import { parseOrigins } from './origins';
import { checkTokenLength } from './token';
import { parseBrokerList, parseExtensionIds, parsePort } from './values';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * What the command line and environment asked for. Undefined means "not said", so the config file
 * and then the defaults fill it in (precedence: flag > environment > file > default).
 */
export interface CliOptions {
  help: boolean;
  version: boolean;
  brokers: string[] | undefined;
  /** --schema-registry: the default profile's Schema Registry URL. */
  schemaRegistry: string | undefined;
  configFile: string | undefined;
  port: number | undefined;
  host: string | undefined;
  /** True only when --read-only was given: a flag can make the companion stricter, never looser. */
  readOnly: boolean;
  allowProduce: string[] | undefined;
  token: string | undefined;
  extensionIds: string[] | undefined;
  allowOrigins: string[] | undefined;
  /** true: --demo, false: --no-demo, undefined: start the demo broker only when no cluster is configured. */
  demo: boolean | undefined;
  configDir: string;
}

const OPTIONS = {
  brokers: { type: 'string' },
  'schema-registry': { type: 'string' },
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'read-only': { type: 'boolean' },
  'allow-produce': { type: 'string', multiple: true },
  token: { type: 'string' },
  'extension-id': { type: 'string', multiple: true },
  'allow-origin': { type: 'string', multiple: true },
  demo: { type: 'boolean' },
  'no-demo': { type: 'boolean' },
  'config-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Parses the arguments after the script name (process.argv.slice(2)). Throws ConfigError. */
export function parseCliArgs(argv: readonly string[], env: Env): CliOptions {
  const { values } = parseStrict(argv);
  if (values.demo && values['no-demo']) throw new ConfigError('--demo and --no-demo contradict each other');
  const brokers = values.brokers ?? nonEmpty(env.KAFKA_BROKERS);
  const port = values.port ?? nonEmpty(env.KAFKA_INSPECTOR_PORT);
  const extensionIds = values['extension-id'] ?? optionalList(env.KAFKA_INSPECTOR_EXTENSION_ID);
  const token = values.token ?? nonEmpty(env.KAFKA_INSPECTOR_TOKEN);
  // hello accepts at most 512 characters: a longer token could never pair.
  if (token !== undefined && token.length > 512) throw new ConfigError('the pairing token is longer than 512 characters');
  if (token !== undefined) checkTokenLength(token, values.token === undefined ? 'KAFKA_INSPECTOR_TOKEN' : '--token');
  return {
    help: values.help ?? false,
    version: values.version ?? false,
    brokers: brokers === undefined ? undefined : parseBrokerList(brokers, sourceOf(values.brokers, '--brokers', 'KAFKA_BROKERS')),
    schemaRegistry: values['schema-registry'] === undefined ? undefined : parseRegistryUrl(values['schema-registry']),
    configFile: values.config,
    port: port === undefined ? undefined : parsePort(port, sourceOf(values.port, '--port', 'KAFKA_INSPECTOR_PORT')),
    host: values.host === undefined ? undefined : nonBlank(values.host, '--host'),
    readOnly: values['read-only'] ?? false,
    allowProduce: values['allow-produce']?.map((glob) => nonBlank(glob, '--allow-produce')),
    token,
    extensionIds:
      extensionIds === undefined
        ? undefined
        : parseExtensionIds(extensionIds, sourceOf(values['extension-id'], '--extension-id', 'KAFKA_INSPECTOR_EXTENSION_ID')),
    allowOrigins: values['allow-origin'] === undefined ? undefined : parseOrigins(values['allow-origin'], '--allow-origin'),
    demo: values.demo ? true : values['no-demo'] ? false : undefined,
    configDir: resolveConfigDir(values['config-dir'], env),
  };
}

/** node:util's messages explain `--` positionals at length; ours name the flag and point at --help. */
function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new ConfigError(`unknown option ${flag ?? message} (see --help)`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new ConfigError(`unexpected argument: ${message.match(/'([^']*)'/)?.[1] ?? message} (see --help)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new ConfigError(`${message} (see --help)`);
    throw error;
  }
}

function parseRegistryUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError('--schema-registry needs a URL, e.g. http://localhost:8081');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('--schema-registry needs an http:// or https:// URL');
  return url.toString().replace(/\/+$/, '');
}

function optionalList(value: string | undefined): string[] | undefined {
  return nonEmpty(value) === undefined ? undefined : [value as string];
}

function sourceOf(flagValue: unknown, flag: string, envName: string): string {
  return flagValue === undefined ? envName : flag;
}

function nonBlank(value: string, flag: string): string {
  if (value.trim() === '') throw new ConfigError(`${flag} needs a non-empty value`);
  return value.trim();
}

export const BROWSER_HOST_COMMANDS = ['install-browser-host', 'uninstall-browser-host'] as const;

/** `kafka-inspector install-browser-host` and friends: a first word that names a command, not a flag. */
export type Subcommand =
  | { command: (typeof BROWSER_HOST_COMMANDS)[number]; browserDirs: string[] | undefined; configDir: string; help: boolean }
  /** What Chrome runs through the launcher: its arguments (the caller's origin) are Chrome's, not flags. */
  | { command: 'native-host'; args: string[]; configDir: string };

/** The subcommand argv starts with, or null for the companion itself. Throws ConfigError. */
export function parseSubcommand(argv: readonly string[], env: Env): Subcommand | null {
  const [first, ...rest] = argv;
  if (first === 'native-host') return { command: 'native-host', args: rest, configDir: resolveConfigDir(undefined, env) };
  const command = BROWSER_HOST_COMMANDS.find((name) => name === first);
  if (!command) return null;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { 'browser-dir': { type: 'string', multiple: true }, 'config-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (error) {
    throw new ConfigError(`${command}: ${(error as Error).message} (see kafka-inspector --help)`);
  }
  const { values } = parsed;
  return {
    command,
    browserDirs: values['browser-dir']?.map((dir) => resolve(nonBlank(dir, '--browser-dir'))),
    configDir: resolveConfigDir(values['config-dir'], env),
    help: values.help ?? false,
  };
}
