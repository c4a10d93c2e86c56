import { ConfigError } from './config-error';

/**
 * A web origin the HTTP bridge answers with CORS (`--allow-origin`, `allowOrigins`): exactly
 * `scheme://host[:port]`, as a browser sends it in `Origin`. No wildcard, no path, no `null`: the
 * list is compared byte for byte with the request's Origin, never pattern-matched.
 */
const ORIGIN = /^(https?):\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

export function parseOrigin(value: string, source: string): string {
  const trimmed = value.trim().replace(/\/$/, '');
  const lower = trimmed.toLowerCase();
  const match = ORIGIN.exec(lower);
  if (!match || (match[3] !== undefined && (Number(match[3]) < 1 || Number(match[3]) > 65535))) {
    throw new ConfigError(`${source}: "${value}" is not an origin (expected scheme://host[:port], e.g. http://localhost:3000; no "*", no path)`);
  }
  // Browsers leave the default port out of Origin, so a written one would never match.
  const port = match[3];
  const isDefault = (match[1] === 'http' && port === '80') || (match[1] === 'https' && port === '443');
  return isDefault ? `${match[1]}://${match[2]}` : lower;
}

export function parseOrigins(values: readonly string[], source: string): string[] {
  return [...new Set(values.map((value) => parseOrigin(value, source)))];
}
