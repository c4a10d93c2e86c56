import { AvroDeserializer, JsonDeserializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, deleteTestTopics, testName } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

/**
 * Schema Registry requests and produce with a schema (issue 11) against a real Confluent-compatible
 * registry (Karapace, ../shared/schema-registry) named by SCHEMA_REGISTRY_URL. What the companion
 * produced is read back with Confluent's own deserializers, not with our decoder.
 */
const REGISTRY = process.env.SCHEMA_REGISTRY_URL;
const skipReason = REGISTRY ? '' : ' (skipped: needs SCHEMA_REGISTRY_URL, a real schema registry)';

const ORDER_V1 = { type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'id', type: 'string' }, { name: 'total', type: 'double' }] };
const ORDER_V2 = { ...ORDER_V1, fields: [...ORDER_V1.fields, { name: 'note', type: ['null', 'string'], default: null }, { name: 'qty', type: 'long', default: 1 }] };
const USER = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', required: ['name'], properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } } };

async function register(subject: string, schema: object, schemaType?: string): Promise<number> {
  const res = await fetch(`${REGISTRY}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(schema), ...(schemaType ? { schemaType } : {}) }),
  });
  if (!res.ok) throw new Error(`registering ${subject}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/** A loopback port nothing listens on: a registry that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(!REGISTRY)(`schema registry requests and produce with a schema${skipReason}`, () => {
  let companion: TestCompanion;
  let client: TestClient;
  let topic: string;
  let orderSubject: string;
  let userSubject: string;
  const ids: number[] = [];

  beforeAll(async () => {
    topic = await createTestTopic(1, 'ki-schema');
    orderSubject = `${topic}-value`;
    userSubject = testName('ki-users-value');
    ids.push(await register(orderSubject, ORDER_V1), await register(orderSubject, ORDER_V2), await register(userSubject, USER, 'JSON'));
    companion = await startTestCompanion({ clusters: [{ name: 'test', brokers: (await import('../helpers/broker')).testBrokers(), schemaRegistry: { url: REGISTRY! } }] });
    client = await TestClient.paired(companion.wsUrl, companion.token);
  });
  afterAll(async () => {
    client?.close();
    await companion?.close();
    if (topic) await deleteTestTopics([topic]);
  });

  it('lists subjects with type, latest version and id; versions; a version by number, the latest, and by id; a diffable pair', async () => {
    const { subjects } = await client.ok({ type: 'listSubjects', search: topic });
    expect(subjects).toEqual([{ subject: orderSubject, type: 'AVRO', latestVersion: 2, id: ids[1] }]);
    const users = await client.ok({ type: 'listSubjects', search: userSubject });
    expect(users.subjects).toEqual([{ subject: userSubject, type: 'JSON', latestVersion: 1, id: ids[2] }]);
    expect(await client.ok({ type: 'listSchemaVersions', subject: orderSubject })).toEqual({ subject: orderSubject, versions: [1, 2] });
    const v1 = await client.ok({ type: 'getSchema', subject: orderSubject, version: 1 });
    expect(v1).toMatchObject({ id: ids[0], subject: orderSubject, version: 1, type: 'AVRO', references: [] });
    expect(JSON.parse(v1.schema)).toMatchObject({ name: 'Order', fields: ORDER_V1.fields });
    const latest = await client.ok({ type: 'getSchema', subject: orderSubject });
    expect(latest.version).toBe(2);
    expect(latest.schema).toContain('"note"');
    expect(await client.ok({ type: 'getSchema', schemaId: ids[2]! })).toMatchObject({ id: ids[2], subject: null, version: null, type: 'JSON' });
  });

  it('JSON skeletons of the latest and of a chosen version', async () => {
    const latest = await client.ok({ type: 'schemaSkeleton', subject: orderSubject });
    expect(latest).toMatchObject({ subject: orderSubject, version: 2, id: ids[1], type: 'AVRO' });
    expect(JSON.parse(latest.skeleton)).toEqual({ id: '', total: 0, note: null, qty: 1 });
    expect(JSON.parse((await client.ok({ type: 'schemaSkeleton', subject: orderSubject, version: 1 })).skeleton)).toEqual({ id: '', total: 0 });
    expect(JSON.parse((await client.ok({ type: 'schemaSkeleton', subject: userSubject })).skeleton)).toEqual({ name: '', age: 0 });
  });

  it('unknown subject, version and id are NOT_FOUND', async () => {
    expect((await client.fails({ type: 'listSchemaVersions', subject: `${orderSubject}-nope` })).code).toBe('NOT_FOUND');
    expect((await client.fails({ type: 'getSchema', subject: orderSubject, version: 99 })).code).toBe('NOT_FOUND');
    expect((await client.fails({ type: 'getSchema', schemaId: 2_000_000_000 })).code).toBe('NOT_FOUND');
  });

  it('produces Avro (v1 and latest) and JSON Schema values that Confluent deserializers read back, and a tail sees them', async () => {
    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    const produced = await client.ok({
      type: 'produce',
      topic,
      records: [
        { key: { encoding: 'text', text: 'o-1' }, value: { encoding: 'json', text: '{"id":"o-1","total":12.5}', schema: { subject: orderSubject, version: 1 } } },
        { key: { encoding: 'text', text: 'o-2' }, value: { encoding: 'json', text: '{"id":"o-2","total":3,"note":"gift","qty":"42"}', schema: { subject: orderSubject } } },
        { key: { encoding: 'json', text: '{"name":"ada","age":36}', schema: { subject: userSubject } }, value: null },
      ],
    });
    expect(produced.records).toHaveLength(3);
    const records = await client.waitForRecords(streamId, 3);
    const bytes = (data: { encoding: string; base64?: string; text?: string } | null) => Buffer.from(data!.base64 ?? data!.text ?? '', data!.base64 !== undefined ? 'base64' : 'utf8');

    const registry = new SchemaRegistryClient({ baseURLs: [REGISTRY!] });
    const avro = new AvroDeserializer(registry, SerdeType.VALUE, {});
    const first = bytes(records[0]!.value);
    expect(first.readUInt32BE(1)).toBe(ids[0]);
    expect(await avro.deserialize(topic, first)).toEqual({ id: 'o-1', total: 12.5 });
    const second = bytes(records[1]!.value);
    expect(second.readUInt32BE(1)).toBe(ids[1]);
    expect(await avro.deserialize(topic, second)).toMatchObject({ id: 'o-2', total: 3, note: 'gift', qty: 42 });
    const json = new JsonDeserializer(registry, SerdeType.KEY, {});
    expect(await json.deserialize(topic, bytes(records[2]!.key))).toEqual({ name: 'ada', age: 36 });
    await client.ok({ type: 'tailStop', streamId });
  });

  it('produces Protobuf (an import through references, the first message) that the tail decodes back; a skeleton of it', async () => {
    const common = `${topic}-common`;
    const res = await fetch(`${REGISTRY}/subjects/${common}/versions`, { method: 'POST', headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' }, body: JSON.stringify({ schemaType: 'PROTOBUF', schema: 'syntax = "proto3";\npackage shop;\nmessage Money {\n  string currency = 1;\n  int64 cents = 2;\n}\n' }) });
    expect(res.ok, await res.clone().text()).toBe(true);
    const subject = `${topic}-proto-value`;
    const main = 'syntax = "proto3";\npackage shop;\nimport "money.proto";\nmessage Payment {\n  string id = 1;\n  Money amount = 2;\n}\n';
    const reg = await fetch(`${REGISTRY}/subjects/${subject}/versions`, { method: 'POST', headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' }, body: JSON.stringify({ schemaType: 'PROTOBUF', schema: main, references: [{ name: 'money.proto', subject: common, version: 1 }] }) });
    expect(reg.ok, await reg.clone().text()).toBe(true);
    expect(JSON.parse((await client.ok({ type: 'schemaSkeleton', subject })).skeleton)).toEqual({ id: '', amount: { currency: '', cents: '0' } });
    const protoTopic = await createTestTopic(1, 'ki-schema-proto');
    try {
      await client.ok({ type: 'produce', topic: protoTopic, records: [{ value: { encoding: 'json', text: '{"id":"p-1","amount":{"currency":"EUR","cents":"9007199254740993"}}', schema: { subject } } }] });
      const { streamId } = await client.ok({ type: 'tailStart', topic: protoTopic, start: { from: 'earliest' } });
      const [record] = await client.waitForRecords(streamId, 1);
      expect(record!.value?.decoded).toMatchObject({ format: 'protobuf', subject });
      expect(JSON.parse(record!.value!.decoded!.text!)).toMatchObject({ id: 'p-1', amount: { currency: 'EUR', cents: '9007199254740993' } });
      const wrong = await client.fails({ type: 'produce', topic: protoTopic, records: [{ value: { encoding: 'json', text: '{"amount":{"cents":"lots"}}', schema: { subject } } }] });
      expect(wrong).toMatchObject({ code: 'SCHEMA_INVALID', details: { path: 'amount.cents' } });
    } finally {
      await deleteTestTopics([protoTopic]);
    }
  });

  it('JSON that does not fit is SCHEMA_INVALID with the field path, and nothing is written', async () => {
    const before = await client.ok({ type: 'describeTopic', topic });
    const error = await client.fails({ type: 'produce', topic, records: [{ value: { encoding: 'json', text: '{"id":"o-3","total":1}', schema: { subject: orderSubject } } }, { value: { encoding: 'json', text: '{"id":"o-4","total":"lots"}', schema: { subject: orderSubject } } }] });
    expect(error).toMatchObject({ code: 'SCHEMA_INVALID', details: { index: 1, field: 'value', path: 'total', subject: orderSubject, version: 2 } });
    expect(error.message).toMatch(/^record 1 value does not fit .* v2 \(AVRO\): total: expected double, got "lots"$/);
    const jsonError = await client.fails({ type: 'produce', topic, records: [{ value: { encoding: 'json', text: '{"name":"x","age":-1}', schema: { subject: userSubject } } }] });
    expect(jsonError).toMatchObject({ code: 'SCHEMA_INVALID', details: { field: 'value', path: 'age' } });
    const after = await client.ok({ type: 'describeTopic', topic });
    expect(after.partitions[0]!.high).toBe(before.partitions[0]!.high);
  });

  it('read-only refuses a schema produce before asking the registry', async () => {
    const readOnly = await startTestCompanion({ readOnly: true, clusters: [{ name: 'test', brokers: ['127.0.0.1:1'], schemaRegistry: { url: 'http://127.0.0.1:1' } }] });
    const ro = await TestClient.paired(readOnly.wsUrl, readOnly.token);
    try {
      expect((await ro.fails({ type: 'produce', topic, records: [{ value: { encoding: 'json', text: '{}', schema: { subject: orderSubject } } }] })).code).toBe('READ_ONLY');
    } finally {
      ro.close();
      await readOnly.close();
    }
  });
});

describe('a schema registry that cannot be reached', () => {
  it('is SCHEMA_REGISTRY_UNAVAILABLE, with no credentials in the message; no registry on the profile says so', async () => {
    const port = await closedPort();
    const down = await startTestCompanion({ clusters: [{ name: 'test', brokers: ['127.0.0.1:1'], schemaRegistry: { url: `http://127.0.0.1:${port}`, username: 'svc-inspector', password: 'pa55-w0rd-secret' } }] });
    const none = await startTestCompanion({ clusters: [{ name: 'test', brokers: ['127.0.0.1:1'] }] });
    const a = await TestClient.paired(down.wsUrl, down.token);
    const b = await TestClient.paired(none.wsUrl, none.token);
    try {
      const error = await a.fails({ type: 'listSubjects' });
      expect(error.code).toBe('SCHEMA_REGISTRY_UNAVAILABLE');
      expect(error.message).toMatch(/did not answer/);
      expect(JSON.stringify(error)).not.toMatch(/pa55-w0rd-secret|svc-inspector:/);
      const produce = await a.fails({ type: 'produce', topic: 'any', records: [{ value: { encoding: 'json', text: '{}', schema: { subject: 's' } } }] });
      expect(produce.code).toBe('SCHEMA_REGISTRY_UNAVAILABLE');
      expect(await b.fails({ type: 'listSubjects' })).toMatchObject({ code: 'SCHEMA_REGISTRY_UNAVAILABLE', message: 'cluster profile "test" has no schemaRegistry in the config' });
    } finally {
      a.close();
      b.close();
      await down.close();
      await none.close();
    }
  });
});
