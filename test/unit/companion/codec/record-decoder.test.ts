import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import avro from 'avsc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordDecoder } from '../../../../companion/src/codec/record-decoder';
import { compileFilter } from '../../../../companion/src/filter/filter';
import { fakeRecord } from './fake-record';

// A local HTTP server speaking the registry's REST API for the ids below: the decoder's real HTTP
// path, its cache, its failures (404, 401, down) and its counts, without a registry process.
const orderSchema = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'long' }, { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'id', type: 'string' }] } }] };
const Order = avro.Type.forSchema(orderSchema as avro.Schema);
const framed = (id: number, payload: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, 0, id]), payload]);

let server: Server;
let url = '';
let mode: 'ok' | '401' = 'ok';
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    // A path prefix (/counting, /auth) keeps each test's schema cache apart; the API is the same.
    const path = (request.url ?? '').replace(/^\/(counting|auth)/, '');
    const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (mode === '401') return send(401, { error_code: 401, message: 'Unauthorized' });
    if (path === '/schemas/ids/1') return send(200, { schema: JSON.stringify(orderSchema) });
    if (path === '/schemas/ids/1/versions') return send(200, [{ subject: 'orders-value', version: 3 }]);
    if (path === '/schemas/ids/2') return send(200, { schemaType: 'JSON', schema: JSON.stringify({ title: 'Key', type: 'object' }) });
    return send(404, { error_code: 40403, message: 'Schema not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('record decoder with a registry (issue 11)', () => {
  it('decodes key and value under different schemas and names schema, subject and version', async () => {
    const decoder = createRecordDecoder({ registry: { url: `${url}/` } }, 'orders');
    const record = fakeRecord({ key: framed(2, Buffer.from('{"k":1}')), value: framed(1, Order.toBuffer({ id: 42, customer: { id: 'c-1' } })) });
    await decoder.prepare([record]);
    const wire = decoder.toWire(record, 65536);
    expect(wire.value?.encoding).toBe('binary');
    expect(wire.value?.decoded).toEqual({ format: 'avro', schemaId: 1, subject: 'orders-value', version: 3, type: 'Order', text: '{"id":"42","customer":{"id":"c-1"}}' });
    expect(wire.key?.decoded).toEqual({ format: 'json-schema', schemaId: 2, type: 'Key', text: '{"k":1}' });
    expect(decoder.valueForFilter(record)).toEqual({ id: '42', customer: { id: 'c-1' } });
  });

  it('fetches each schema once however many records name it (registry calls are O(schemas))', async () => {
    const decoder = createRecordDecoder({ registry: { url: `${url}/counting` } }, 'orders');
    const records = Array.from({ length: 500 }, (_, i) => fakeRecord({ key: null, value: framed(1, Order.toBuffer({ id: i, customer: { id: `c-${i}` } })) }));
    hits.length = 0;
    await decoder.prepare(records.slice(0, 250));
    await decoder.prepare(records.slice(250));
    for (const record of records) expect(decoder.toWire(record, 65536).value?.decoded?.format).toBe('avro');
    // One schema: its schema and its subjects, nothing per record.
    expect(hits).toEqual(['/counting/schemas/ids/1', '/counting/schemas/ids/1/versions']);
  });

  it('a CEL filter on a decoded field works as on JSON (through valueForFilter)', async () => {
    const decoder = createRecordDecoder({ registry: { url } }, 'orders');
    const predicate = compileFilter({ cel: 'value.customer.id == "c-7"' }, { valueOf: (r) => decoder.valueForFilter(r) });
    const records = [7, 8].map((n) => fakeRecord({ value: framed(1, Order.toBuffer({ id: n, customer: { id: `c-${n}` } })) }));
    await decoder.prepare(records);
    expect(records.map(predicate)).toEqual([true, false]);
  });

  it('an unknown schema id shows the record raw with the reason; the rest decode', async () => {
    const decoder = createRecordDecoder({ registry: { url } }, 'orders');
    const unknown = fakeRecord({ value: framed(99, Buffer.from([1, 2])) });
    const known = fakeRecord({ value: framed(1, Order.toBuffer({ id: 1, customer: { id: 'c' } })) });
    await decoder.prepare([unknown, known]);
    expect(decoder.toWire(unknown, 100).value).toMatchObject({ encoding: 'binary', decoded: { format: 'schema-registry', schemaId: 99, error: expect.stringContaining('not found') } });
    expect(decoder.toWire(known, 100).value?.decoded?.format).toBe('avro');
  });

  it('a 401 is a clear error without the password; a registry that is down too; both retried later', async () => {
    mode = '401';
    try {
      const decoder = createRecordDecoder({ registry: { url: `${url}/auth`, username: 'inspector', password: 'hunter2-secret' } }, 'orders');
      const record = fakeRecord({ value: framed(1, Buffer.from([2])) });
      await decoder.prepare([record]);
      const decoded = decoder.toWire(record, 100).value?.decoded;
      expect(decoded?.error).toMatch(/refused the credentials \(HTTP 401/);
      expect(JSON.stringify(decoded)).not.toContain('hunter2');
      expect(JSON.stringify(decoded)).not.toContain('inspector');
    } finally {
      mode = 'ok';
    }
    const down = createRecordDecoder({ registry: { url: 'http://user:pw-in-url@127.0.0.1:9' } }, 'orders');
    const record = fakeRecord({ value: framed(1, Buffer.from([2])) });
    await down.prepare([record]);
    const error = down.toWire(record, 100).value?.decoded?.error ?? '';
    expect(error).toMatch(/did not answer/);
    expect(error).not.toContain('pw-in-url');
  });

  it('no registry and nothing forced: today\'s plain form, no decoded part', async () => {
    const decoder = createRecordDecoder({}, 'orders');
    const record = fakeRecord({ value: '{"a":1}' });
    await decoder.prepare([record]);
    expect(decoder.toWire(record, 100).value).toEqual({ encoding: 'json', text: '{"a":1}', size: 7 });
    expect(decoder.valueForFilter(record)).toBeUndefined();
  });

  it('forced plain decoders per part; a failure says why', async () => {
    const decoder = createRecordDecoder({ topics: { orders: { key: { decoder: 'int64' }, value: { decoder: 'msgpack' } } } }, 'orders');
    const record = fakeRecord({ key: Buffer.from('0000000000000101', 'hex'), value: Buffer.from([0xc1]) });
    const wire = decoder.toWire(record, 100);
    expect(wire.key?.decoded).toEqual({ format: 'int64', text: '"257"' });
    expect(wire.value?.decoded).toMatchObject({ format: 'msgpack', error: expect.stringMatching(/^msgpack: /) });
  });

  it('a decoded text past the preview size is cut and flagged', async () => {
    const decoder = createRecordDecoder({ topics: { orders: { value: { decoder: 'hex' } } } }, 'orders');
    const wire = decoder.toWire(fakeRecord({ value: Buffer.alloc(100) }), 50);
    expect(wire.value?.decoded).toMatchObject({ format: 'hex', truncated: true });
    expect(wire.value?.decoded?.text).toHaveLength(50);
  });
});

describe('local schema files (issue 11)', () => {
  it('decodes bare Avro and Avro framed in the wire format with the bound .avsc', () => {
    const decoder = createRecordDecoder({ topics: { orders: { value: { schema: { file: 'order.avsc', format: 'avro', contents: JSON.stringify(orderSchema) } } } } }, 'orders');
    const payload = Order.toBuffer({ id: 5, customer: { id: 'c-5' } });
    for (const bytes of [payload, framed(7, payload)]) {
      expect(decoder.toWire(fakeRecord({ value: bytes }), 1000).value?.decoded).toEqual({ format: 'avro', schema: 'order.avsc', type: 'Order', text: '{"id":"5","customer":{"id":"c-5"}}' });
    }
  });
});
