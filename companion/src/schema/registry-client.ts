import http from 'node:http';
import https from 'node:https';
import type { RegistrySettings } from '../codec/record-decoder';

/** The registry's schema types as its API spells them (absent in its answers means AVRO). */
export type RegistrySchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface RegistryReference {
  /** The import name (Protobuf: the path in `import "..."`). */
  name: string;
  subject: string;
  version: number;
}

/** A schema as `GET /schemas/ids/{id}` returns it. */
export interface RegistrySchema {
  schemaType: RegistrySchemaType;
  schema: string;
  references: RegistryReference[];
}

/** A subject's version as `GET /subjects/{s}/versions/{v}` returns it. */
export interface RegistrySubjectVersion extends RegistrySchema {
  subject: string;
  version: number;
  id: number;
}

/**
 * Why a registry call failed, in words safe to show: never the password, never credentials from
 * the URL. `unavailable` (no answer, timeout, 5xx) is worth retrying later; `unauthorized` (401,
 * 403) wants other credentials; `not-found` (40401 subject, 40402 version, 40403 schema) is final
 * for that id or subject.
 */
export class RegistryError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'unauthorized' | 'not-found' | 'error',
    message: string,
    readonly status?: number,
    readonly errorCode?: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface RegistryClient {
  /** The URL without credentials, for messages. */
  readonly url: string;
  /** HTTP requests made so far (tests count them: the decoder's cache makes them O(schemas)). */
  readonly requests: number;
  schemaById(id: number): Promise<RegistrySchema>;
  /** The subjects and versions a schema id is registered under (`GET /schemas/ids/{id}/versions`). */
  subjectVersionsOf(id: number): Promise<Array<{ subject: string; version: number }>>;
  listSubjects(): Promise<string[]>;
  /**
   * Every subject's latest version in one call (`GET /schemas?latestOnly=true`: Confluent 7+ and
   * Karapace); optional, since older registries and test fakes lack it.
   */
  latestSchemas?(): Promise<Array<{ subject: string; version: number; id: number; schemaType?: string }>>;
  listVersions(subject: string): Promise<number[]>;
  /** One version of a subject, or its latest. */
  subjectVersion(subject: string, version: number | 'latest'): Promise<RegistrySubjectVersion>;
}

export interface RegistryClientOptions {
  /** Per request; the decoder shows a record raw when the registry is this slow. */
  timeoutMs?: number;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** A Confluent Schema Registry REST client (Confluent, Karapace, Redpanda, Apicurio's ccompat API). */
export function createRegistryClient(settings: RegistrySettings, options: RegistryClientOptions = {}): RegistryClient {
  const base = new URL(settings.url);
  // Credentials in the URL work like basicAuth, and are then cut from every message.
  const username = settings.username ?? (base.username ? decodeURIComponent(base.username) : undefined);
  const password = settings.password ?? (base.password ? decodeURIComponent(base.password) : undefined);
  base.username = '';
  base.password = '';
  const shown = base.toString().replace(/\/+$/, '');
  const authorization = username !== undefined ? `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}` : undefined;
  const secure = base.protocol === 'https:';
  if (!secure && base.protocol !== 'http:') throw new RegistryError('error', `schema registry URL must be http:// or https://, not ${base.protocol}`);
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 4, ca: settings.tls?.ca, cert: settings.tls?.cert, key: settings.tls?.key, rejectUnauthorized: settings.tls?.rejectUnauthorized ?? true })
    : new http.Agent({ keepAlive: true, maxSockets: 4 });
  const timeoutMs = options.timeoutMs ?? 5000;
  let requests = 0;

  const get = (path: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      requests++;
      const target = new URL(base.pathname.replace(/\/+$/, '') + path, base);
      const request = (secure ? https : http).request(
        target,
        { method: 'GET', agent, timeout: timeoutMs, headers: { accept: 'application/vnd.schemaregistry.v1+json, application/json', ...(authorization ? { authorization } : {}) } },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            // Not worth retrying (unlike no answer): the same call answers the same way.
            if (size > MAX_BODY_BYTES) request.destroy(new RegistryError('error', `schema registry ${shown} answered more than ${MAX_BODY_BYTES / 1024 / 1024} MB`));
            else chunks.push(chunk);
          });
          response.on('error', (error) => reject(unavailable(shown, error)));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown;
            try {
              body = text ? JSON.parse(text) : null;
            } catch {
              body = null;
            }
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(body);
            else reject(statusError(shown, status, body));
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', (error) => reject(error instanceof RegistryError ? error : unavailable(shown, error)));
      request.end();
    });

  const enc = encodeURIComponent;
  return {
    url: shown,
    get requests() {
      return requests;
    },
    schemaById: async (id) => toSchema(await get(`/schemas/ids/${id}`)),
    subjectVersionsOf: async (id) => {
      const list = await get(`/schemas/ids/${id}/versions`);
      return Array.isArray(list) ? list.filter(isObject).map((v) => ({ subject: String(v.subject), version: Number(v.version) })) : [];
    },
    listSubjects: async () => {
      const list = await get('/subjects');
      return Array.isArray(list) ? list.map(String) : [];
    },
    latestSchemas: async () => {
      const list = await get('/schemas?latestOnly=true');
      if (!Array.isArray(list)) throw new RegistryError('error', `schema registry ${shown} answered GET /schemas with no list`);
      // A registry that ignores latestOnly lists every version: keep each subject's highest.
      const latest = new Map<string, { subject: string; version: number; id: number; schemaType?: string }>();
      for (const item of list.filter(isObject)) {
        const entry = { subject: String(item.subject), version: Number(item.version), id: Number(item.id), ...(typeof item.schemaType === 'string' ? { schemaType: item.schemaType } : {}) };
        if (!Number.isInteger(entry.version) || !Number.isInteger(entry.id)) continue;
        if ((latest.get(entry.subject)?.version ?? 0) < entry.version) latest.set(entry.subject, entry);
      }
      return [...latest.values()];
    },
    listVersions: async (subject) => {
      const list = await get(`/subjects/${enc(subject)}/versions`);
      return Array.isArray(list) ? list.map(Number) : [];
    },
    subjectVersion: async (subject, version) => {
      const body = await get(`/subjects/${enc(subject)}/versions/${version}`);
      const o = isObject(body) ? body : {};
      return { ...toSchema(body), subject: String(o.subject ?? subject), version: Number(o.version), id: Number(o.id) };
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toSchema(body: unknown): RegistrySchema {
  const o = isObject(body) ? body : {};
  if (typeof o.schema !== 'string') throw new RegistryError('error', 'schema registry answered without a schema');
  const type = o.schemaType === 'PROTOBUF' || o.schemaType === 'JSON' ? o.schemaType : 'AVRO';
  const references = Array.isArray(o.references)
    ? o.references.filter(isObject).map((r) => ({ name: String(r.name), subject: String(r.subject), version: Number(r.version) }))
    : [];
  return { schemaType: type, schema: o.schema, references };
}

function unavailable(url: string, error: Error): RegistryError {
  // Node's messages name the host and port, never the request's headers.
  return new RegistryError('unavailable', `schema registry ${url} did not answer: ${error.message}`);
}

function statusError(url: string, status: number, body: unknown): RegistryError {
  const o = isObject(body) ? body : {};
  const code = typeof o.error_code === 'number' ? o.error_code : undefined;
  // The registry's own words (e.g. "Schema 42 not found"), cut short; they hold no secret of ours.
  const said = typeof o.message === 'string' ? `: ${o.message.slice(0, 200)}` : '';
  if (status === 401 || status === 403) {
    return new RegistryError('unauthorized', `schema registry ${url} refused the credentials (HTTP ${status}${said}); check basicAuth in the cluster profile`, status, code);
  }
  if (status === 404) return new RegistryError('not-found', `schema registry ${url}: not found (HTTP 404${code ? `, error ${code}` : ''}${said})`, status, code);
  if (status >= 500) return new RegistryError('unavailable', `schema registry ${url} failed (HTTP ${status}${said})`, status, code);
  return new RegistryError('error', `schema registry ${url} answered HTTP ${status}${said}`, status, code);
}

const shared = new WeakMap<RegistrySettings, RegistryClient>();

/** One client per profile's settings, so its keep-alive sockets are shared by every request and tail. */
export function registryClientFor(settings: RegistrySettings): RegistryClient {
  let client = shared.get(settings);
  if (!client) {
    client = createRegistryClient(settings);
    shared.set(settings, client);
  }
  return client;
}
