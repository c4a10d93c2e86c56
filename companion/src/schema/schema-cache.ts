import { type AvroDecoder, compileAvro } from './avro';
import { compileProtobuf, type ProtobufDecoder } from './protobuf';
import type { RegistrySettings } from '../codec/record-decoder';
import { createRegistryClient, type RegistryClient, RegistryError, type RegistryReference, type RegistrySchema } from './registry-client';

/** A registry schema ready to decode with, and where it is registered. */
export type CompiledSchema = (
  | { format: 'avro'; avro: AvroDecoder }
  | { format: 'protobuf'; protobuf: ProtobufDecoder }
  | { format: 'json-schema'; title?: string }
) & {
  id: number;
  /** The subjects and versions this id is registered under (empty when the registry would not say). */
  subjects: Array<{ subject: string; version: number }>;
};

/** What the cache knows of an id: its schema, or why there is none and when to ask again. */
export type SchemaEntry = { schema: CompiledSchema } | { error: string; retryAt: number };

export interface SchemaCacheOptions {
  /** Schemas kept (least recently used go first); ids are immutable, so no other expiry. */
  maxSchemas?: number;
  /** How long a failure stands before the registry is asked again, by kind. */
  retryMs?: Partial<Record<RegistryError['kind'] | 'invalid', number>>;
}

const RETRY_MS: Record<RegistryError['kind'] | 'invalid', number> = { unavailable: 1000, unauthorized: 5000, 'not-found': 10_000, error: 5000, invalid: 60_000 };
const MAX_REFERENCE_DEPTH = 32;

/**
 * Schemas by id for one registry, shared by every tail on it. A batch of records asks for the ids
 * it holds (`ensure`), each fetched once however many records name it: registry calls grow with
 * schemas, not records. Failures are remembered briefly only, so a registry that comes back (or
 * an id registered late) decodes again within seconds.
 */
export class SchemaCache {
  private readonly entries = new Map<number, SchemaEntry>();
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly references = new Map<string, Promise<RegistrySchema>>();
  private readonly maxSchemas: number;
  private readonly retryMs: Record<RegistryError['kind'] | 'invalid', number>;

  constructor(
    readonly client: RegistryClient,
    options: SchemaCacheOptions = {},
  ) {
    this.maxSchemas = options.maxSchemas ?? 1000;
    this.retryMs = { ...RETRY_MS, ...options.retryMs };
  }

  /** Synchronous: what is known of an id now (undefined: never asked). */
  get(id: number): SchemaEntry | undefined {
    const entry = this.entries.get(id);
    if (entry && 'schema' in entry) {
      // Least recently used goes first: touch by re-inserting.
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** Fetches the ids not known yet, or whose failure is old enough to try again. Never throws. */
  async ensure(ids: Iterable<number>, now = Date.now()): Promise<void> {
    const waits: Array<Promise<void>> = [];
    for (const id of new Set(ids)) {
      const entry = this.entries.get(id);
      if (entry && ('schema' in entry || entry.retryAt > now)) continue;
      let flight = this.inFlight.get(id);
      if (!flight) {
        flight = this.fetch(id).finally(() => this.inFlight.delete(id));
        this.inFlight.set(id, flight);
      }
      waits.push(flight);
    }
    await Promise.all(waits);
  }

  private async fetch(id: number): Promise<void> {
    let entry: SchemaEntry;
    try {
      const raw = await this.client.schemaById(id);
      const subjects = await this.client.subjectVersionsOf(id).catch(() => []);
      entry = { schema: await this.compile(id, raw, subjects) };
    } catch (error) {
      const kind = error instanceof RegistryError ? error.kind : 'invalid';
      const reason = error instanceof RegistryError ? error.message : `schema ${id} cannot be used: ${(error as Error).message}`;
      entry = { error: reason, retryAt: Date.now() + this.retryMs[kind] };
      // A failed reference fetch should be retried with the schema.
      this.references.clear();
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.maxSchemas) this.entries.delete(this.entries.keys().next().value as number);
  }

  private async compile(id: number, raw: RegistrySchema, subjects: CompiledSchema['subjects']): Promise<CompiledSchema> {
    if (raw.schemaType === 'AVRO') {
      const named = await this.referencedTexts(raw.references, 0, new Map());
      return { id, subjects, format: 'avro', avro: compileAvro(raw.schema, [...named.values()]) };
    }
    if (raw.schemaType === 'PROTOBUF') {
      const imports = await this.referencedTexts(raw.references, 0, new Map());
      return { id, subjects, format: 'protobuf', protobuf: compileProtobuf(raw.schema, Object.fromEntries(imports)) };
    }
    const parsed = JSON.parse(raw.schema) as { title?: unknown };
    return { id, subjects, format: 'json-schema', ...(typeof parsed.title === 'string' ? { title: parsed.title } : {}) };
  }

  /** The texts of a schema's references, theirs first (dependencies before dependents), by name. */
  private async referencedTexts(refs: RegistryReference[], depth: number, into: Map<string, string>): Promise<Map<string, string>> {
    if (depth > MAX_REFERENCE_DEPTH) throw new Error('schema references nest too deep');
    for (const ref of refs) {
      if (into.has(ref.name)) continue;
      const key = `${ref.subject}\u0000${ref.version}`;
      let pending = this.references.get(key);
      if (!pending) {
        pending = this.client.subjectVersion(ref.subject, ref.version);
        this.references.set(key, pending);
      }
      const schema = await pending;
      await this.referencedTexts(schema.references, depth + 1, into);
      into.set(ref.name, schema.schema);
    }
    return into;
  }
}

const caches = new Map<string, SchemaCache>();

/**
 * The cache of a registry, one per URL and credentials in this thread (a worker has its own), so
 * every tail on a cluster shares its schemas and its registry's keep-alive sockets.
 */
export function schemaCacheFor(settings: RegistrySettings): SchemaCache {
  const key = JSON.stringify([settings.url, settings.username ?? null, settings.password ?? null, settings.tls ?? null]);
  let cache = caches.get(key);
  if (!cache) {
    cache = new SchemaCache(createRegistryClient(settings, { timeoutMs: 3000 }));
    caches.set(key, cache);
  }
  return cache;
}
