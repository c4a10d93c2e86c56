import { request } from 'node:http';
import { Agent } from 'node:http';
import { companionRead } from './companion-read';
import { kcatProduce, type ReadResult } from './baselines';
import type { BenchBroker } from './broker';
import type { CompanionProcess } from './companion-process';
import { median, type Row } from './stats';
import { BenchClient } from './ws-client';

const PRODUCE_RECORDS = 20_000;
const BATCH = 100;
const VALUE = JSON.stringify({ id: 1, kind: 'bench', pad: 'x'.repeat(200) });

/** One keep-alive POST; resolves with the status. */
function post(agent: Agent, url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.kafka.json.v2+json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** Produce over HTTP: 100-record requests, one keep-alive connection, 4 in flight. */
async function httpProduce(companion: CompanionProcess, topic: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const body = JSON.stringify({ records: Array.from({ length: BATCH }, () => ({ value: JSON.parse(VALUE) })) });
  const url = new URL(`${companion.url}/topics/${topic}`);
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < PRODUCE_RECORDS / BATCH) {
      next++;
      const status = await post(agent, url, companion.token, body);
      if (status !== 200) throw new Error(`HTTP produce answered ${status}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  agent.destroy();
  return performance.now() - start;
}

/** The same over the WebSocket: 100-record produce requests, 4 in flight. */
async function wsProduce(companion: CompanionProcess, topic: string): Promise<number> {
  const client = await BenchClient.connect(companion.wsUrl, companion.token);
  const records = Array.from({ length: BATCH }, () => ({ value: { encoding: 'json', text: VALUE } }));
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < PRODUCE_RECORDS / BATCH) {
      next++;
      const reply = await client.request({ type: 'produce', topic, records });
      if (reply.type !== 'result') throw new Error(`WebSocket produce failed: ${JSON.stringify(reply).slice(0, 200)}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  client.close();
  return performance.now() - start;
}

/** Broker -> companion -> SSE client: /stream from earliest with a limit, every event parsed. */
function sseRead(companion: CompanionProcess, topic: string, expected: number): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let records = 0;
    let bytes = 0;
    let buffer = '';
    const req = request(`${companion.url}/stream?topic=${topic}&from=earliest&limit=${expected}`, { headers: { authorization: `Bearer ${companion.token}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!event.startsWith('id:') || !event.includes('\ndata: ')) continue;
          if (event.includes('\nevent: ')) continue;
          const record = JSON.parse(event.slice(event.indexOf('\ndata: ') + 7)) as { value: { size?: number } | null };
          records++;
          bytes += record.value?.size ?? 0;
          if (records >= expected) {
            resolve({ records, bytes, ms: performance.now() - start });
            req.destroy();
          }
        }
      });
    });
    req.once('error', (error) => (records >= expected ? undefined : reject(error)));
    req.end();
  });
}

/**
 * The HTTP bridge beside the WebSocket (issue 12): produce records/s over HTTP (100-record requests,
 * keep-alive) vs the WebSocket produce vs kcat -P; SSE tail records/s vs the WebSocket tail, same records.
 */
export async function measureHttp(broker: BenchBroker, companion: CompanionProcess, runs: number): Promise<Row[]> {
  const rate = (ms: number) => PRODUCE_RECORDS / (ms / 1000);
  const produced: Record<string, number[]> = { http: [], ws: [], kcat: [] };
  for (let run = 0; run < runs; run++) {
    produced.http!.push(rate(await httpProduce(companion, await broker.createTopic('http-produce', 8))));
    produced.ws!.push(rate(await wsProduce(companion, await broker.createTopic('ws-produce', 8))));
    produced.kcat!.push(rate(await kcatProduce(broker.brokers, await broker.createTopic('kcat-produce', 8), PRODUCE_RECORDS, VALUE)));
  }
  const baseline = median(produced.ws!);
  const rows: Row[] = [
    { measurement: `produce ${PRODUCE_RECORDS} x ${VALUE.length} B JSON, 100/request`, subject: 'HTTP bridge (keep-alive)', value: median(produced.http!), unit: 'rec/s', ratio: median(produced.http!) / baseline, runs },
    { measurement: `produce ${PRODUCE_RECORDS} x ${VALUE.length} B JSON, 100/request`, subject: 'WebSocket produce', value: baseline, unit: 'rec/s', ratio: 1, runs },
    { measurement: `produce ${PRODUCE_RECORDS} x ${VALUE.length} B JSON, 100/request`, subject: 'kcat -P', value: median(produced.kcat!), unit: 'rec/s', ratio: median(produced.kcat!) / baseline, runs },
  ];
  // The tail: the records the HTTP produce wrote, read both ways.
  const topic = await broker.createTopic('http-tail', 8);
  await httpProduce(companion, topic);
  const sse: number[] = [];
  const ws: number[] = [];
  for (let run = 0; run < runs; run++) {
    const s = await sseRead(companion, topic, PRODUCE_RECORDS);
    sse.push(s.records / (s.ms / 1000));
    const client = await BenchClient.connect(companion.wsUrl, companion.token);
    const w = await companionRead(client, topic, PRODUCE_RECORDS);
    client.close();
    ws.push(w.records / (w.ms / 1000));
  }
  rows.push(
    { measurement: `tail ${PRODUCE_RECORDS} records from earliest`, subject: 'SSE /stream', value: median(sse), unit: 'rec/s', ratio: median(sse) / median(ws), runs },
    { measurement: `tail ${PRODUCE_RECORDS} records from earliest`, subject: 'WebSocket tail', value: median(ws), unit: 'rec/s', ratio: 1, runs },
  );
  return rows;
}
