import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import avro from 'avsc';
import { createRecordDecoder, type RecordDecoder } from '../companion/src/codec/record-decoder';
import { compileFilter } from '../companion/src/filter/filter';
import type { RawRecord } from '../companion/src/kafka/gateway';
import { schemaCacheFor } from '../companion/src/schema/schema-cache';
import { median, renderTable, type Row } from './stats';

/**
 * Schema decoding cost (issue 11), in-process, no broker: ~1 KB Avro records in Confluent's wire
 * format, their schema served by a local HTTP server speaking the registry API (so the real
 * fetch-and-cache path runs), beside the same records as JSON through today's plain path.
 * - decode: key and value to their wire form (toWire), ns per record;
 * - scan: BENCH_DECODE_RECORDS (1,000,000) records through a CEL filter on a decoded field, as a
 *   tail scans them (prepare per 500-record batch, filter each, wire form for the matches);
 *   goal: Avro at least 0.5x the JSON scan's records/s. Registry calls are counted.
 */
const SCHEMA = {
  type: 'record',
  name: 'Order',
  namespace: 'bench',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'id', type: 'string' }, { name: 'name', type: 'string' }, { name: 'email', type: 'string' }] } },
    { name: 'currency', type: 'string' },
    { name: 'createdAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'total', type: 'long' },
    {
      name: 'items',
      type: { type: 'array', items: { type: 'record', name: 'Item', fields: [{ name: 'sku', type: 'string' }, { name: 'qty', type: 'int' }, { name: 'price', type: 'double' }, { name: 'description', type: 'string' }] } },
    },
  ],
};
const POOL = 10_000;
const BATCH = 500;

function order(i: number) {
  return {
    id: `order-${(i * 2654435761).toString(16).padStart(8, '0')}`,
    customer: { id: `cus-${i % 997}`, name: `Customer ${i % 997}`, email: `customer${i % 997}@example.com` },
    currency: 'EUR',
    createdAt: 1_700_000_000_000 + i,
    total: 1000 + i,
    items: Array.from({ length: 9 }, (_, n) => ({ sku: `SKU-${n}`, qty: n + 1, price: 12.5 * n, description: 'a fine product, described at some length, with care and at leisure' })),
  };
}

function pools(): { avro: RawRecord[]; json: RawRecord[]; avroBytes: number; jsonBytes: number } {
  const type = avro.Type.forSchema(SCHEMA as avro.Schema);
  const record = (value: Buffer, i: number): RawRecord => ({ topic: 'orders', partition: 0, offset: String(i), timestamp: '0', key: Buffer.from(`k-${i}`), value, headers: [] });
  const avroPool = Array.from({ length: POOL }, (_, i) => record(Buffer.concat([Buffer.from([0, 0, 0, 0, 1]), type.toBuffer(order(i))]), i));
  const jsonPool = Array.from({ length: POOL }, (_, i) => record(Buffer.from(JSON.stringify(order(i))), i));
  const size = (records: RawRecord[]) => Math.round(records.reduce((sum, r) => sum + (r.value?.length ?? 0), 0) / records.length);
  return { avro: avroPool, json: jsonPool, avroBytes: size(avroPool), jsonBytes: size(jsonPool) };
}

/** Records/s of a tail-like scan over `count` records cycled from the pool. */
async function scan(decoder: RecordDecoder, pool: RawRecord[], count: number, cel: string): Promise<{ perSecond: number; matched: number }> {
  const predicate = compileFilter({ cel }, { valueOf: (r) => decoder.valueForFilter(r) });
  let matched = 0;
  const started = process.hrtime.bigint();
  for (let done = 0; done < count; done += BATCH) {
    const from = done % pool.length;
    const batch = pool.slice(from, from + Math.min(BATCH, count - done));
    await decoder.prepare(batch);
    for (const record of batch) {
      if (predicate(record)) {
        matched++;
        decoder.toWire(record, 65536);
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: count / seconds, matched };
}

function wireNs(decoder: RecordDecoder, pool: RawRecord[], runs: number): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    for (const record of pool) decoder.toWire(record, 65536);
    samples.push(Number(process.hrtime.bigint() - started) / pool.length);
  }
  return median(samples);
}

export async function measureDecode(runs: number): Promise<Row[]> {
  const count = Number(process.env.BENCH_DECODE_RECORDS ?? 1_000_000);
  const data = pools();
  let calls = 0;
  const server = createServer((request, response) => {
    calls++;
    const body = request.url === '/schemas/ids/1' ? { schema: JSON.stringify(SCHEMA) } : [{ subject: 'orders-value', version: 1 }];
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const settings = { registry: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } };
    const avroDecoder = createRecordDecoder(settings, 'orders');
    const jsonDecoder = createRecordDecoder(undefined, 'orders');
    await avroDecoder.prepare(data.avro.slice(0, 1));
    const passes = Math.max(runs, 5);
    const rows: Row[] = [];
    const jsonNs = wireNs(jsonDecoder, data.json, passes);
    const avroNs = wireNs(avroDecoder, data.avro, passes);
    rows.push({ measurement: `decode to wire form, ~1 KB value`, subject: `JSON ${data.jsonBytes} B (plain)`, value: jsonNs, unit: 'ns/record', runs: passes });
    rows.push({ measurement: `decode to wire form, ~1 KB value`, subject: `Avro ${data.avroBytes} B via registry (raw + decoded JSON)`, value: avroNs, unit: 'ns/record', ratio: avroNs / jsonNs, runs: passes });

    const cel = 'value.customer.id == "cus-42"';
    const jsonRates: number[] = [];
    const avroRates: number[] = [];
    let matched = [0, 0];
    // Turns (JSON, Avro, JSON...) so a busy machine weighs on both alike.
    for (let run = 0; run < Math.max(runs, 3); run++) {
      const j = await scan(jsonDecoder, data.json, count, cel);
      const a = await scan(avroDecoder, data.avro, count, cel);
      jsonRates.push(j.perSecond);
      avroRates.push(a.perSecond);
      matched = [j.matched, a.matched];
    }
    if (matched[0] !== matched[1]) throw new Error(`bench decode: JSON matched ${matched[0]}, Avro ${matched[1]}`);
    const jsonRate = median(jsonRates);
    const avroRate = median(avroRates);
    const measurement = `scan ${count.toLocaleString('en-US')} records, CEL ${cel}`;
    rows.push({ measurement, subject: 'JSON ~1 KB', value: jsonRate, unit: 'records/s', runs: jsonRates.length });
    rows.push({ measurement, subject: `Avro ~${data.avroBytes} B via registry (${calls} registry calls)`, value: avroRate, unit: 'records/s', ratio: avroRate / jsonRate, goal: '>= 0.5x JSON', met: avroRate / jsonRate >= 0.5, runs: avroRates.length });
    if (schemaCacheFor(settings.registry).client.requests !== calls) throw new Error('bench decode: registry calls miscounted');
    return rows;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

// `node --import tsx bench/decode.ts`: this table alone, no broker needed.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(renderTable(await measureDecode(Number(process.env.BENCH_RUNS ?? 3))));
}
