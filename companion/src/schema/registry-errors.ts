import { RequestError } from '../session/wire-error';
import { RegistryError } from './registry-client';

/** Network failures that mean "no registry there right now", as Node and HTTP clients name them. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/** user:password@ in URLs and Basic/Bearer tokens: a message from a client library never carries them to the browser. */
export const scrubSecrets = (text: string) =>
  text
    .replace(/\/\/[^/@\s]*@/g, '//')
    .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]+/gi, '$1 ***')
    .slice(0, 500);

const prop = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

function statusOf(error: unknown): number | undefined {
  const status = prop(error, 'status') ?? prop(prop(error, 'response'), 'status');
  return typeof status === 'number' ? status : undefined;
}

function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = prop(e, 'cause'), depth++) {
    const code = prop(e, 'code');
    if (typeof code === 'string' && UNREACHABLE.has(code)) return code;
  }
  return undefined;
}

/**
 * A registry client's failure as a protocol error: 404 is NOT_FOUND (the subject, version or id);
 * 401/403 and other refusals SCHEMA_REGISTRY_ERROR; unreachable or 5xx SCHEMA_REGISTRY_UNAVAILABLE.
 */
export function registryError(error: unknown, what: string): RequestError {
  if (error instanceof RequestError) return error;
  // The schema core's client already words its failures safely (no credentials, the URL without them).
  if (error instanceof RegistryError) {
    const details = error.status === undefined ? undefined : { status: error.status };
    if (error.kind === 'not-found') return new RequestError('NOT_FOUND', `the schema registry has no ${what}`, details);
    if (error.kind === 'unavailable') return new RequestError('SCHEMA_REGISTRY_UNAVAILABLE', `${scrubSecrets(error.message)} (reading ${what})`, details);
    return new RequestError('SCHEMA_REGISTRY_ERROR', `${scrubSecrets(error.message)} (reading ${what})`, details);
  }
  const status = statusOf(error);
  const message = scrubSecrets(error instanceof Error ? error.message : String(error));
  if (status === 404) return new RequestError('NOT_FOUND', `the schema registry has no ${what}`, { status });
  if (status === 401 || status === 403) return new RequestError('SCHEMA_REGISTRY_ERROR', `the schema registry refused the profile's credentials (HTTP ${status}) reading ${what}`, { status });
  if (status !== undefined && status >= 500) return new RequestError('SCHEMA_REGISTRY_UNAVAILABLE', `the schema registry failed (HTTP ${status}) reading ${what}: ${message}`, { status });
  if (status !== undefined) return new RequestError('SCHEMA_REGISTRY_ERROR', `the schema registry refused reading ${what} (HTTP ${status}): ${message}`, { status });
  const code = networkCode(error);
  if (code) return new RequestError('SCHEMA_REGISTRY_UNAVAILABLE', `the schema registry cannot be reached (${code}) reading ${what}`, { reason: code });
  return new RequestError('SCHEMA_REGISTRY_ERROR', `the schema registry could not answer for ${what}: ${message}`);
}
