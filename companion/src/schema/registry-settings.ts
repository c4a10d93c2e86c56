import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { RegistrySettings } from '../codec/record-decoder';
import { ConfigError } from '../config/config-error';

type Env = Readonly<Record<string, string | undefined>>;

/** The config file's `schemaRegistry` of a cluster profile. */
export interface RegistryEntry {
  url: string;
  basicAuth?: { username: string; passwordEnv?: string; password?: string };
  tls?: { ca?: string; cert?: string; key?: string; rejectUnauthorized?: boolean };
}

/**
 * Resolves a profile's registry: the password from its environment variable (named in errors,
 * never its value), TLS PEM files read now (relative to the config file), so a worker can get
 * them as plain strings.
 */
export async function readRegistrySettings(entry: RegistryEntry, configFile: string, env: Env, where: string, warnings: string[]): Promise<RegistrySettings> {
  const url = new URL(entry.url);
  if (url.password) warnings.push(`${where}: schemaRegistry.url holds a password; prefer basicAuth with "passwordEnv"`);
  const settings: RegistrySettings = { url: entry.url };
  const auth = entry.basicAuth;
  if (auth) {
    settings.username = auth.username;
    if (auth.passwordEnv !== undefined) {
      const value = env[auth.passwordEnv];
      if (value === undefined || value === '') {
        throw new ConfigError(`${where}: schemaRegistry.basicAuth.passwordEnv names ${auth.passwordEnv}, but that environment variable is not set`);
      }
      settings.password = value;
    } else {
      warnings.push(`${where}: schemaRegistry.basicAuth.password is stored in plain text; prefer "passwordEnv" with an environment variable`);
      settings.password = auth.password;
    }
  }
  if (entry.tls) {
    const tls: NonNullable<RegistrySettings['tls']> = {};
    for (const field of ['ca', 'cert', 'key'] as const) {
      const path = entry.tls[field];
      if (path === undefined) continue;
      const full = resolve(dirname(configFile), path);
      try {
        tls[field] = await readFile(full, 'utf8');
      } catch {
        throw new ConfigError(`${where}: schemaRegistry.tls.${field} file ${full} cannot be read`);
      }
    }
    if (entry.tls.rejectUnauthorized === false) {
      tls.rejectUnauthorized = false;
      warnings.push(`${where}: schemaRegistry.tls.rejectUnauthorized: false, so the registry's certificate is not checked`);
    }
    settings.tls = tls;
  }
  return settings;
}
