import { access, constants, readFile, stat } from 'node:fs/promises';
import { readLocalSchemas } from '../schema/local-schemas';
import { readRegistrySettings } from '../schema/registry-settings';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { type ClusterEntry, type ConfigFile, ConfigFileSchema, formatIssues } from './file-schema';
import type { ClusterProfile, TlsOptions } from './types';

type Env = Readonly<Record<string, string | undefined>>;

export interface LoadedFile {
  settings: ConfigFile;
  clusters: ClusterProfile[];
  warnings: string[];
}

/**
 * Reads and validates a config file and resolves its secrets. A missing file is an error only when
 * it was asked for by name (`required`); the default location may simply not exist.
 */
export async function readConfigFile(file: string, env: Env, required: boolean): Promise<LoadedFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) return null;
    throw new ConfigError(`config file ${file}: cannot read it (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`config file ${file} is invalid:\n${formatIssues(parsed.error)}`);

  const warnings: string[] = [];
  const clusters: ClusterProfile[] = [];
  for (const entry of parsed.data.clusters ?? []) {
    clusters.push(await toProfile(entry, file, env, warnings));
  }
  if (hasPlainPassword(parsed.data) && (await isSharedReadable(file))) {
    warnings.push(`config file ${file} holds a password and other users can read it: chmod 600 it`);
  }
  return { settings: parsed.data, clusters, warnings };
}

async function toProfile(entry: ClusterEntry, file: string, env: Env, warnings: string[]): Promise<ClusterProfile> {
  const where = `config file ${file}, cluster "${entry.name}"`;
  const profile: ClusterProfile = { name: entry.name, brokers: entry.brokers };
  if (entry.fetchMaxWaitMs !== undefined) profile.fetchMaxWaitMs = entry.fetchMaxWaitMs;
  if (entry.tls !== undefined) profile.tls = typeof entry.tls === 'boolean' ? entry.tls : await resolveTls(entry.tls, file, where);
  if (typeof entry.tls === 'object' && entry.tls.rejectUnauthorized === false) {
    warnings.push(`${where}: tls.rejectUnauthorized: false, so the brokers' certificates are not checked; anyone on the network path can read and change this traffic`);
  }
  if (entry.schemaRegistry) profile.schemaRegistry = await readRegistrySettings(entry.schemaRegistry, file, env, where, warnings);
  if (entry.schemas) profile.schemas = await readLocalSchemas(entry.schemas, file, where);
  if (entry.sasl) {
    const { mechanism, username, passwordEnv, password } = entry.sasl;
    if (passwordEnv !== undefined) {
      const value = env[passwordEnv];
      // Name the variable, never a value: this message ends up in terminals and logs.
      if (value === undefined || value === '') {
        throw new ConfigError(`${where}: sasl.passwordEnv names ${passwordEnv}, but that environment variable is not set`);
      }
      profile.sasl = { mechanism, username, password: value };
    } else {
      warnings.push(`${where}: sasl.password is stored in plain text; prefer "passwordEnv" with an environment variable`);
      profile.sasl = { mechanism, username, password: password as string };
    }
  }
  return profile;
}

/** PEM paths are relative to the config file, and checked now rather than at the first connection. */
async function resolveTls(tls: TlsOptions, file: string, where: string): Promise<TlsOptions> {
  const resolved: TlsOptions = { ...tls };
  for (const field of ['ca', 'cert', 'key'] as const) {
    const path = tls[field];
    if (path === undefined) continue;
    resolved[field] = resolve(dirname(file), path);
    try {
      await access(resolved[field], constants.R_OK);
    } catch {
      throw new ConfigError(`${where}: tls.${field} file ${resolved[field]} cannot be read`);
    }
  }
  return resolved;
}

function hasPlainPassword(settings: ConfigFile): boolean {
  return (settings.clusters ?? []).some((cluster) => cluster.sasl?.password !== undefined || cluster.schemaRegistry?.basicAuth?.password !== undefined);
}

async function isSharedReadable(file: string): Promise<boolean> {
  return ((await stat(file)).mode & 0o044) !== 0;
}
