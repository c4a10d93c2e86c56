import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** --config-dir, else KAFKA_INSPECTOR_CONFIG_DIR, else $XDG_CONFIG_HOME/kafka-inspector, else ~/.config/kafka-inspector. */
export function resolveConfigDir(flag: string | undefined, env: Env): string {
  const explicit = flag ?? nonEmpty(env.KAFKA_INSPECTOR_CONFIG_DIR);
  if (explicit !== undefined) return resolve(explicit);
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(nonEmpty(env.HOME) ?? homedir(), '.config');
  return join(base, 'kafka-inspector');
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
