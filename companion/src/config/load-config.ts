import { join } from 'node:path';
import { type CliOptions, parseCliArgs } from './cli-args';
import { readConfigFile } from './config-file';
import { parseOrigins } from './origins';
import { ensureToken } from './token';
import { type ClusterProfile, type CompanionConfig, DEFAULT_LIMITS, DEFAULT_PORT } from './types';
import { isLoopbackHost } from './values';

type Env = Readonly<Record<string, string | undefined>>;

export interface LoadedConfig {
  config: CompanionConfig;
  /** Printed at start-up. Never holds a secret. */
  warnings: string[];
  /** Start the built-in demo broker: --demo, or no cluster configured and no --no-demo. */
  demo: boolean;
}

export const DEFAULT_HOST = '127.0.0.1';

/** Command line, environment and config file merged (flag > environment > file > default). */
export async function loadConfig(argv: readonly string[], env: Env): Promise<LoadedConfig> {
  return resolveConfig(parseCliArgs(argv, env), env);
}

/** The second half of loadConfig, for a CLI that has already parsed its flags (to handle --help first). */
export async function resolveConfig(cli: CliOptions, env: Env): Promise<LoadedConfig> {
  const file = await readConfigFile(cli.configFile ?? join(cli.configDir, 'config.json'), env, cli.configFile !== undefined);
  const settings = file?.settings ?? {};
  const warnings = [...(file?.warnings ?? [])];

  let clusters: ClusterProfile[] = file?.clusters ?? [];
  if (cli.brokers) {
    // The command-line profile comes first, so it is the default; it carries no file credentials.
    clusters = [{ name: 'default', brokers: cli.brokers }, ...clusters.filter((cluster) => cluster.name !== 'default')];
  }
  if (cli.schemaRegistry && clusters[0]) {
    // The flag names the default profile's registry; a file's basicAuth and tls stay with its URL only.
    const first = clusters[0];
    clusters = [{ ...first, schemaRegistry: first.schemaRegistry?.url === cli.schemaRegistry ? first.schemaRegistry : { url: cli.schemaRegistry } }, ...clusters.slice(1)];
  }
  const host = cli.host ?? settings.host ?? DEFAULT_HOST;
  const { token, file: tokenFile } = cli.token ? { token: cli.token, file: null } : await ensureToken(cli.configDir);
  const config: CompanionConfig = {
    host,
    port: cli.port ?? settings.port ?? DEFAULT_PORT,
    token,
    tokenFile,
    readOnly: cli.readOnly || (settings.readOnly ?? false),
    produceAllowList: cli.allowProduce ?? settings.allowProduce ?? null,
    extensionIds: cli.extensionIds ?? settings.extensionIds ?? [],
    allowOrigins: cli.allowOrigins ?? parseOrigins(settings.allowOrigins ?? [], `config file allowOrigins`),
    clusters,
    limits: { ...DEFAULT_LIMITS, ...settings.limits },
    uiDir: null,
  };
  const demo = cli.demo === true || (clusters.length === 0 && cli.demo !== false);

  if (!isLoopbackHost(host)) {
    warnings.push(
      `WARNING: listening on ${host}, not loopback: other machines can reach this companion, and anyone ` +
        'holding the token reaches your Kafka clusters through it. Use --host 127.0.0.1 unless you mean this.',
    );
  }
  if (clusters.length === 0 && !demo) warnings.push('no cluster is configured and --no-demo was given: there is nothing to inspect');
  if (config.readOnly && config.produceAllowList) warnings.push('read-only mode is on, so the produce allow-list has no effect');
  return { config, warnings, demo };
}
