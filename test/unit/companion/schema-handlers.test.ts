import { describe, expect, it } from 'vitest';
import { RegistryError } from '../../../companion/src/schema/registry-client';
import { registryError, scrubSecrets } from '../../../companion/src/schema/registry-errors';
import { registryLookup } from '../../../companion/src/schema/registry-lookup';
import { encodeWithSchemas, SchemaMismatch } from '../../../companion/src/schema/schema-encode';
import { schemaEncoders } from '../../../companion/src/schema/schema-encoders';
import { schemaHandlers } from '../../../companion/src/schema/schema-handlers';
import { RequestError } from '../../../companion/src/session/wire-error';

const AVRO_V1 = '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}';
const AVRO_V2 = '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"n","type":"int","default":0}]}';

/** A registry in memory, counting calls: enough to check what the handlers ask and answer. */
function memoryRegistry(extra: Record<string, Array<{ id: number; schema: string; schemaType?: string }>> = {}) {
  const subjects: Record<string, Array<{ id: number; schema: string; schemaType?: string }>> = {
    'orders-value': [{ id: 1, schema: AVRO_V1 }, { id: 2, schema: AVRO_V2 }],
    'users-value': [{ id: 3, schema: '{"type":"object","properties":{"name":{"type":"string"}}}', schemaType: 'JSON' }],
    ...extra,
  };
  const notFound = () => new RegistryError('not-found', 'schema registry http://127.0.0.1:1: not found (HTTP 404)', 404);
  const registry = {
    calls: 0,
    async listSubjects() {
      registry.calls++;
      return Object.keys(subjects).reverse();
    },
    async listVersions(subject: string) {
      registry.calls++;
      if (!subjects[subject]) throw notFound();
      return subjects[subject].map((_, i) => i + 1).reverse();
    },
    async subjectVersion(subject: string, version: number | 'latest') {
      registry.calls++;
      const list = subjects[subject] ?? [];
      const n = version === 'latest' ? list.length : version;
      const found = list[n - 1];
      if (!found) throw notFound();
      return { schemaType: (found.schemaType ?? 'AVRO') as 'AVRO' | 'JSON' | 'PROTOBUF', schema: found.schema, references: [], id: found.id, subject, version: n };
    },
    async schemaById(id: number) {
      registry.calls++;
      const found = Object.values(subjects).flat().find((s) => s.id === id);
      if (!found) throw notFound();
      return { schemaType: (found.schemaType ?? 'AVRO') as 'AVRO' | 'JSON' | 'PROTOBUF', schema: found.schema, references: [] };
    },
  };
  return registry;
}

describe('schema registry handlers (issue 11)', () => {
  const registry = memoryRegistry();
  const lookup = () => registry;

  it('lists subjects sorted, with type, latest version and id; filters by a substring', async () => {
    expect(await schemaHandlers.listSubjects({ id: '1', type: 'listSubjects' }, lookup)).toEqual({
      subjects: [
        { subject: 'orders-value', type: 'AVRO', latestVersion: 2, id: 2 },
        { subject: 'users-value', type: 'JSON', latestVersion: 1, id: 3 },
      ],
    });
    expect((await schemaHandlers.listSubjects({ id: '1', type: 'listSubjects', search: 'USER' }, lookup)).subjects.map((s) => s.subject)).toEqual(['users-value']);
  });

  it('versions oldest first; a schema by subject and version, by latest, and by id', async () => {
    expect(await schemaHandlers.listSchemaVersions({ id: '2', type: 'listSchemaVersions', subject: 'orders-value' }, lookup)).toEqual({ subject: 'orders-value', versions: [1, 2] });
    expect(await schemaHandlers.getSchema({ id: '3', type: 'getSchema', subject: 'orders-value', version: 1 }, lookup)).toEqual({ id: 1, subject: 'orders-value', version: 1, type: 'AVRO', schema: AVRO_V1, references: [] });
    expect((await schemaHandlers.getSchema({ id: '3', type: 'getSchema', subject: 'orders-value' }, lookup)).version).toBe(2);
    expect(await schemaHandlers.getSchema({ id: '3', type: 'getSchema', schemaId: 3 }, lookup)).toMatchObject({ id: 3, subject: null, version: null, type: 'JSON' });
  });

  it('a skeleton of the latest or a chosen version', async () => {
    const latest = await schemaHandlers.schemaSkeleton({ id: '4', type: 'schemaSkeleton', subject: 'orders-value' }, lookup);
    expect(latest).toMatchObject({ version: 2, id: 2, type: 'AVRO' });
    expect(JSON.parse(latest.skeleton)).toEqual({ id: '', n: 0 });
    const v1 = await schemaHandlers.schemaSkeleton({ id: '4', type: 'schemaSkeleton', subject: 'orders-value', version: 1 }, lookup);
    expect(JSON.parse(v1.skeleton)).toEqual({ id: '' });
  });

  it('an unknown subject, version or id is NOT_FOUND', async () => {
    await expect(schemaHandlers.listSchemaVersions({ id: '2', type: 'listSchemaVersions', subject: 'nope' }, lookup)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(schemaHandlers.getSchema({ id: '3', type: 'getSchema', subject: 'orders-value', version: 9 }, lookup)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(schemaHandlers.getSchema({ id: '3', type: 'getSchema', schemaId: 99 }, lookup)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a profile without a registry says so (SCHEMA_REGISTRY_UNAVAILABLE); an unknown profile is NOT_FOUND', () => {
    const config = { clusters: [{ name: 'local', brokers: ['127.0.0.1:9092'] }] };
    expect(() => registryLookup(config, () => registry)(undefined)).toThrow(/cluster profile "local" has no schemaRegistry/);
    expect(() => registryLookup(config, () => registry)('other')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const withRegistry = { clusters: [{ name: 'local', brokers: [], schemaRegistry: { url: 'http://127.0.0.1:1' } }] };
    let built = 0;
    const lookupOnce = registryLookup(withRegistry, () => (built++, registry));
    expect(lookupOnce(undefined)).toBe(registry);
    expect(lookupOnce('local')).toBe(registry);
    expect(built).toBe(1);
  });
});

describe('registry failures on the wire', () => {
  it('unreachable is SCHEMA_REGISTRY_UNAVAILABLE, 401 SCHEMA_REGISTRY_ERROR, 5xx unavailable; no credentials in any message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8081'), { code: 'ECONNREFUSED' });
    expect(registryError(refused, 'the subjects')).toMatchObject({ code: 'SCHEMA_REGISTRY_UNAVAILABLE', details: { reason: 'ECONNREFUSED' } });
    const wrapped = Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(registryError(wrapped, 'x').code).toBe('SCHEMA_REGISTRY_UNAVAILABLE');
    const unauthorized = Object.assign(new Error('Unauthorized: Basic dXNlcjpzM2NyM3Q= rejected at http://user:s3cr3t@reg:8081'), { status: 401 });
    const wire = registryError(unauthorized, 'the subjects');
    expect(wire).toMatchObject({ code: 'SCHEMA_REGISTRY_ERROR', details: { status: 401 } });
    expect(wire.message).not.toMatch(/s3cr3t|dXNlcjpzM2NyM3Q/);
    expect(registryError({ response: { status: 503 }, message: 'Service Unavailable' }, 'x').code).toBe('SCHEMA_REGISTRY_UNAVAILABLE');
    expect(scrubSecrets('GET http://admin:hunter2@127.0.0.1/x with Bearer abc.def')).toBe('GET http://127.0.0.1/x with Bearer ***');
  });
});

describe('produce with a schema: encoding before the plain produce path', () => {
  const registry = memoryRegistry();
  const lookup = () => registry;
  const encoders = {
    AVRO: async (value: unknown, schema: { id: number }) => {
      if (typeof (value as { id?: unknown }).id !== 'string') throw new SchemaMismatch('id', 'expected string');
      return Buffer.concat([Buffer.from([0, 0, 0, 0, schema.id]), Buffer.from(JSON.stringify(value))]);
    },
  };

  it('records without a schema pass untouched and need no registry', async () => {
    const records = [{ value: { encoding: 'json' as const, text: '{}' } }];
    const noRegistry = () => {
      throw new RequestError('SCHEMA_REGISTRY_UNAVAILABLE', 'none');
    };
    expect(await encodeWithSchemas(records, 't', undefined, noRegistry, encoders)).toBe(records);
  });

  it('a value naming a schema becomes binary in wire format, the latest version by default', async () => {
    const [record] = await encodeWithSchemas([{ key: { encoding: 'text', text: 'k' }, value: { encoding: 'json', text: '{"id":"a"}', schema: { subject: 'orders-value' } } }], 't', undefined, lookup, encoders);
    expect(record!.key).toEqual({ encoding: 'text', text: 'k' });
    expect(record!.value?.encoding).toBe('binary');
    expect([...Buffer.from((record!.value as { base64: string }).base64, 'base64').subarray(0, 5)]).toEqual([0, 0, 0, 0, 2]);
  });

  it('JSON that does not fit is SCHEMA_INVALID with the record, the part and the field path', async () => {
    const records = [{ value: null }, { key: { encoding: 'json' as const, text: '{"id":1}', schema: { subject: 'orders-value', version: 1 } }, value: null }];
    await expect(encodeWithSchemas(records, 't', undefined, lookup, encoders)).rejects.toMatchObject({
      code: 'SCHEMA_INVALID',
      message: 'record 1 key does not fit orders-value v1 (AVRO): id: expected string',
      details: { index: 1, field: 'key', path: 'id', subject: 'orders-value', version: 1 },
    });
  });

  it('a schema type without an encoder, text that is not JSON, and size with a schema are refused', async () => {
    await expect(encodeWithSchemas([{ value: { encoding: 'json', text: '{}', schema: { subject: 'users-value' } } }], 't', undefined, lookup, encoders)).rejects.toMatchObject({ code: 'BAD_FRAME', message: /JSON schema is not supported/ });
    await expect(encodeWithSchemas([{ value: { encoding: 'json', text: '{', schema: { subject: 'orders-value' } } }], 't', undefined, lookup, encoders)).rejects.toMatchObject({ code: 'SCHEMA_INVALID', details: { path: '' } });
    await expect(encodeWithSchemas([{ value: { encoding: 'json', text: '{}', size: 2, schema: { subject: 'orders-value' } } }], 't', undefined, lookup, encoders)).rejects.toMatchObject({ code: 'BAD_FRAME' });
  });
});

describe('Protobuf message types: listed by getSchema, chosen for a skeleton and a produce', () => {
  const PROTO = 'syntax = "proto3";\npackage ev;\nmessage Created {\n  string id = 1;\n}\nmessage Deleted {\n  string id = 1;\n  message Reason {\n    string text = 1;\n  }\n  Reason reason = 2;\n}\n';
  const registry = memoryRegistry({ 'events-value': [{ id: 4, schema: PROTO, schemaType: 'PROTOBUF' }] });
  const lookup = () => registry;
  const produce = (schema: { subject: string; messageType?: string }, text = '{"id":"e-1"}') => encodeWithSchemas([{ value: { encoding: 'json', text, schema } }], 't', undefined, lookup, schemaEncoders);

  it('getSchema lists a Protobuf file\'s message types in index order, by subject and by id; other types have none', async () => {
    const types = ['ev.Created', 'ev.Deleted', 'ev.Deleted.Reason'];
    expect(await schemaHandlers.getSchema({ id: '1', type: 'getSchema', subject: 'events-value' }, lookup)).toMatchObject({ type: 'PROTOBUF', messageTypes: types });
    expect(await schemaHandlers.getSchema({ id: '1', type: 'getSchema', schemaId: 4 }, lookup)).toMatchObject({ messageTypes: types });
    expect(await schemaHandlers.getSchema({ id: '1', type: 'getSchema', subject: 'orders-value' }, lookup)).not.toHaveProperty('messageTypes');
  });

  it('a skeleton of the named message (default the first), naming it; unknown is NOT_FOUND, on Avro BAD_FRAME', async () => {
    const first = await schemaHandlers.schemaSkeleton({ id: '2', type: 'schemaSkeleton', subject: 'events-value' }, lookup);
    expect(first).toMatchObject({ messageType: 'ev.Created' });
    expect(JSON.parse(first.skeleton)).toEqual({ id: '' });
    const deleted = await schemaHandlers.schemaSkeleton({ id: '2', type: 'schemaSkeleton', subject: 'events-value', messageType: 'ev.Deleted' }, lookup);
    expect(deleted).toMatchObject({ messageType: 'ev.Deleted' });
    expect(JSON.parse(deleted.skeleton)).toEqual({ id: '', reason: { text: '' } });
    await expect(schemaHandlers.schemaSkeleton({ id: '2', type: 'schemaSkeleton', subject: 'events-value', messageType: 'ev.Nope' }, lookup)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'the schema has no message type ev.Nope; it has ev.Created, ev.Deleted, ev.Deleted.Reason' });
    await expect(schemaHandlers.schemaSkeleton({ id: '2', type: 'schemaSkeleton', subject: 'orders-value', messageType: 'ev.Deleted' }, lookup)).rejects.toMatchObject({ code: 'BAD_FRAME' });
    expect(await schemaHandlers.schemaSkeleton({ id: '2', type: 'schemaSkeleton', subject: 'orders-value' }, lookup)).not.toHaveProperty('messageType');
  });

  it('a produce naming a message type writes its indexes; an unknown one is NOT_FOUND for that record; on Avro BAD_FRAME', async () => {
    const bytes = (records: Awaited<ReturnType<typeof produce>>) => [...Buffer.from((records[0]!.value as { base64: string }).base64, 'base64')];
    // Magic byte, id 4, then the indexes: [0] as one zero byte, [1] as count 1 and index 1 (zigzag 2, 2), [1, 0] as 4, 2, 0.
    expect(bytes(await produce({ subject: 'events-value' })).slice(0, 6)).toEqual([0, 0, 0, 0, 4, 0]);
    expect(bytes(await produce({ subject: 'events-value', messageType: 'ev.Deleted' })).slice(0, 7)).toEqual([0, 0, 0, 0, 4, 2, 2]);
    expect(bytes(await produce({ subject: 'events-value', messageType: 'ev.Deleted.Reason' }, '{"text":"t"}')).slice(0, 8)).toEqual([0, 0, 0, 0, 4, 4, 2, 0]);
    await expect(produce({ subject: 'events-value', messageType: 'ev.Nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'record 0 value: events-value v1 has no message type ev.Nope; it has ev.Created, ev.Deleted, ev.Deleted.Reason',
      details: { index: 0, field: 'value', subject: 'events-value', messageType: 'ev.Nope' },
    });
    await expect(produce({ subject: 'orders-value', messageType: 'ev.Deleted' }, '{"id":"a"}')).rejects.toMatchObject({ code: 'BAD_FRAME', message: 'record 0 value: messageType names a Protobuf message, and orders-value v2 is AVRO' });
  });
});

describe('listSubjects in one registry call where the registry has GET /schemas', () => {
  const latest = [
    { subject: 'users-value', version: 1, id: 3, schemaType: 'JSON' },
    { subject: 'orders-value', version: 2, id: 2 },
  ];
  const counting = (latestSchemas: () => Promise<typeof latest>) => {
    const registry = Object.assign(memoryRegistry(), { latestSchemas });
    return { registry, lookup: () => registry };
  };

  it('answers from it alone: sorted, filtered, typed (no schemaType is Avro)', async () => {
    const { registry, lookup } = counting(async () => latest);
    expect(await schemaHandlers.listSubjects({ id: '1', type: 'listSubjects' }, lookup)).toEqual({
      subjects: [
        { subject: 'orders-value', type: 'AVRO', latestVersion: 2, id: 2 },
        { subject: 'users-value', type: 'JSON', latestVersion: 1, id: 3 },
      ],
    });
    expect((await schemaHandlers.listSubjects({ id: '1', type: 'listSubjects', search: 'USER' }, lookup)).subjects.map((s) => s.subject)).toEqual(['users-value']);
    expect(registry.calls).toBe(0);
  });

  it('a registry without it (404, 400) is read one subject at a time, with the same answer', async () => {
    const withIt = await schemaHandlers.listSubjects({ id: '1', type: 'listSubjects' }, counting(async () => latest).lookup);
    for (const error of [new RegistryError('not-found', 'no /schemas', 404), new RegistryError('error', 'bad parameter', 400)]) {
      const { registry, lookup } = counting(async () => Promise.reject(error));
      expect(await schemaHandlers.listSubjects({ id: '1', type: 'listSubjects' }, lookup)).toEqual(withIt);
      expect(registry.calls).toBe(3);
    }
  });

  it('no answer or refused credentials fail at once, without a second try one by one', async () => {
    for (const [error, code] of [
      [new RegistryError('unavailable', 'schema registry http://127.0.0.1:1 did not answer: connect ECONNREFUSED'), 'SCHEMA_REGISTRY_UNAVAILABLE'],
      [new RegistryError('unauthorized', 'schema registry http://127.0.0.1:1 refused the credentials (HTTP 401)', 401), 'SCHEMA_REGISTRY_ERROR'],
    ] as const) {
      const { registry, lookup } = counting(async () => Promise.reject(error));
      await expect(schemaHandlers.listSubjects({ id: '1', type: 'listSubjects' }, lookup)).rejects.toMatchObject({ code });
      expect(registry.calls).toBe(0);
    }
  });
});
