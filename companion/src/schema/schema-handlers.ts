import type { RequestOf, ResultOf, SchemaDetail, SchemaType, SubjectSummary } from '@kafka-inspector/shared';
import { RequestError } from '../session/wire-error';
import type { RegistryClient } from './registry-client';
import { registryError } from './registry-errors';
import { avroSkeleton, jsonSchemaSkeleton } from './skeleton';
import { compileProtobuf } from './protobuf';
import { importsOf, protobufSkeletonOf, UnknownMessageType } from './protobuf-encode';

/** One registered schema with where it is registered (`schemaType` absent means AVRO). */
export interface RegisteredSchema {
  id?: number;
  subject?: string;
  version?: number;
  schema: string;
  schemaType?: string;
  references?: Array<{ name: string; subject: string; version: number }>;
}

/** The registry reads these requests need: the schema core's client (registry-client.ts), or a fake of its shape. */
export type RegistryReads = Pick<RegistryClient, 'listSubjects' | 'latestSchemas' | 'listVersions' | 'subjectVersion' | 'schemaById'>;

/** Reads a profile's registry: the client, or why there is none (SCHEMA_REGISTRY_UNAVAILABLE). */
export type RegistryLookup = (cluster: string | undefined) => RegistryReads;

const typeOf = (schema: Pick<RegisteredSchema, 'schemaType'>): SchemaType => {
  const type = (schema.schemaType ?? 'AVRO').toUpperCase();
  if (type === 'AVRO' || type === 'PROTOBUF' || type === 'JSON') return type;
  throw new RequestError('SCHEMA_REGISTRY_ERROR', `the schema registry returned an unknown schema type ${JSON.stringify(type).slice(0, 40)}`);
};

/** Runs registry calls, turning the client's failures into protocol errors that carry no secret. */
export async function viaRegistry<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw registryError(error, what);
  }
}

/** Subject, version (or latest) to the registered schema with its id, subject and version. */
export async function schemaFor(registry: RegistryReads, subject: string, version: number | undefined): Promise<RegisteredSchema & { id: number; version: number; subject: string }> {
  const found = await viaRegistry(`subject ${subject}${version === undefined ? '' : ` version ${version}`}`, () => registry.subjectVersion(subject, version ?? 'latest'));
  if (found.id === undefined || found.version === undefined) throw new RequestError('SCHEMA_REGISTRY_ERROR', `the schema registry answered subject ${subject} without an id or version`);
  return { ...found, id: found.id, version: found.version, subject };
}

/** Per-subject reads run a few at a time: a registry with hundreds of subjects is not hit all at once. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** A skeleton's text, and for Protobuf the message it is of (`messageType`, default the file's first). */
export function skeletonOf(type: SchemaType, schema: string, imports: Record<string, string> = {}, messageType?: string): { text: string; messageType?: string } {
  const parsed = (): unknown => {
    try {
      return JSON.parse(schema);
    } catch {
      throw new RequestError('SCHEMA_REGISTRY_ERROR', `the registered ${type} schema is not JSON`);
    }
  };
  if (type !== 'PROTOBUF') {
    if (messageType !== undefined) throw new RequestError('BAD_FRAME', `messageType names a Protobuf message, and this schema is ${type}`);
    return { text: JSON.stringify(type === 'AVRO' ? avroSkeleton(parsed()) : jsonSchemaSkeleton(parsed()), null, 2) };
  }
  try {
    const { skeleton, messageType: name } = protobufSkeletonOf(schema, imports, messageType);
    return { text: JSON.stringify(skeleton, null, 2), messageType: name };
  } catch (error) {
    if (error instanceof UnknownMessageType) throw new RequestError('NOT_FOUND', `the schema ${error.message}`, { messageType });
    throw error;
  }
}

/**
 * Every subject's summary from one `GET /schemas?latestOnly=true`; null when the registry has no
 * such call (Confluent before 7, Redpanda: a 404 or a 400) or its answer is too large, and the
 * subjects are then read one by one. No answer or refused credentials fail at once, as the
 * one-by-one reads would (without waiting for a second timeout).
 */
async function latestOfAll(registry: RegistryReads): Promise<SubjectSummary[] | null> {
  if (!registry.latestSchemas) return null;
  const list = await viaRegistry('the subjects', () => registry.latestSchemas!()).catch((error: unknown) => {
    if (error instanceof RequestError && error.code === 'SCHEMA_REGISTRY_UNAVAILABLE') throw error;
    if (error instanceof RequestError && error.details?.status !== undefined && [401, 403].includes(Number(error.details.status))) throw error;
    return null;
  });
  return list?.map((s) => ({ subject: s.subject, type: typeOf(s), latestVersion: s.version, id: s.id })) ?? null;
}

/** A Protobuf schema's message types, for a client to pick one to produce; none when it does not compile here. */
async function messageTypesOf(registry: RegistryReads, found: RegisteredSchema): Promise<{ messageTypes?: string[] }> {
  if (typeOf(found) !== 'PROTOBUF') return {};
  try {
    const imports = await importsOf(registry, found.references, {});
    return { messageTypes: compileProtobuf(found.schema, imports).messageTypes().map((t) => t.name) };
  } catch {
    return {};
  }
}

type Handler<T extends 'listSubjects' | 'listSchemaVersions' | 'getSchema' | 'schemaSkeleton'> = (request: RequestOf<T>, lookup: RegistryLookup) => Promise<ResultOf<T>>;

export const schemaHandlers: { listSubjects: Handler<'listSubjects'>; listSchemaVersions: Handler<'listSchemaVersions'>; getSchema: Handler<'getSchema'>; schemaSkeleton: Handler<'schemaSkeleton'> } = {
  async listSubjects(request, lookup) {
    const registry = lookup(request.cluster);
    const search = request.search?.toLowerCase();
    const wanted = (subject: string) => !search || subject.toLowerCase().includes(search);
    const all = await latestOfAll(registry);
    if (all) return { subjects: all.filter((s) => wanted(s.subject)).sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0)) };
    const names = (await viaRegistry('the subjects', () => registry.listSubjects())).filter(wanted).sort();
    const subjects = await mapLimited(names, 8, async (subject): Promise<SubjectSummary> => {
      const latest = await schemaFor(registry, subject, undefined);
      return { subject, type: typeOf(latest), latestVersion: latest.version, id: latest.id };
    });
    return { subjects };
  },
  async listSchemaVersions(request, lookup) {
    const registry = lookup(request.cluster);
    const versions = await viaRegistry(`subject ${request.subject}`, () => registry.listVersions(request.subject));
    return { subject: request.subject, versions: [...versions].sort((a, b) => a - b) };
  },
  async getSchema(request, lookup): Promise<SchemaDetail> {
    const registry = lookup(request.cluster);
    if (request.schemaId !== undefined) {
      const id = request.schemaId;
      const found = await viaRegistry(`schema id ${id}`, () => registry.schemaById(id));
      return { id, subject: null, version: null, type: typeOf(found), schema: found.schema, references: found.references ?? [], ...(await messageTypesOf(registry, found)) };
    }
    const found = await schemaFor(registry, request.subject!, request.version);
    return { id: found.id, subject: request.subject!, version: found.version, type: typeOf(found), schema: found.schema, references: found.references ?? [], ...(await messageTypesOf(registry, found)) };
  },
  async schemaSkeleton(request, lookup) {
    const found = await schemaFor(lookup(request.cluster), request.subject, request.version);
    const type = typeOf(found);
    const registry = lookup(request.cluster);
    const imports = type === 'PROTOBUF' ? await viaRegistry(`the references of ${request.subject}`, () => importsOf(registry, found.references, {})) : {};
    const { text, messageType } = skeletonOf(type, found.schema, imports, request.messageType);
    return { subject: request.subject, version: found.version, id: found.id, type, skeleton: text, ...(messageType === undefined ? {} : { messageType }) };
  },
};
