/**
 * A small app for the DevTools e2e tests: a page with two buttons whose API calls produce to Kafka
 * the way real backends do.
 * - "Pay" POSTs /api/pay with a fresh W3C `traceparent`; the server produces two events carrying
 *   that traceparent as a record header ("requested", then "settled" 150 ms later).
 * - "Order" POSTs /api/order; the server makes a request id, answers it in `x-request-id`, and
 *   produces one event with the id inside its JSON value (no header).
 * Each call also produces a "noise" event with another trace id, as a busy topic has.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kafka, logLevel, type Producer } from 'kafkajs';

export interface TestApp {
  url: string;
  /** What each API call produced, in order: its id and the records' values. */
  calls: Array<{ path: string; id: string }>;
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Shop (test app)</title></head>
<body style="font: 14px system-ui; padding: 20px">
<h1>Shop</h1>
<button id="pay">Pay</button> <button id="order">Order</button>
<p id="out" aria-live="polite"></p>
<script>
const hex = (n) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('');
document.getElementById('pay').onclick = async () => {
  const traceparent = '00-' + hex(16) + '-' + hex(8) + '-01';
  const res = await fetch('/api/pay', { method: 'POST', headers: { 'content-type': 'application/json', traceparent }, body: JSON.stringify({ amount: 42.5, currency: 'EUR' }) });
  document.getElementById('out').textContent = 'paid: ' + (await res.text());
};
document.getElementById('order').onclick = async () => {
  const res = await fetch('/api/order', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sku: 'book-1', qty: 2 }) });
  document.getElementById('out').textContent = 'ordered: ' + (await res.text());
};
</script></body></html>`;

const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => resolve(body));
});

export async function startTestApp(brokers: string[], topic: string): Promise<TestApp> {
  const producer: Producer = new Kafka({ clientId: 'ki-test-app', brokers, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  const calls: TestApp['calls'] = [];
  const noise = () => ({ value: JSON.stringify({ event: 'unrelated', at: Date.now() }), headers: { traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01` } });
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      if (req.url === '/favicon.ico') return res.writeHead(204).end();
      if (req.method === 'POST' && req.url === '/api/pay') {
        const traceparent = String(req.headers.traceparent ?? '');
        const body = JSON.parse(await readBody(req)) as { amount: number };
        calls.push({ path: '/api/pay', id: traceparent.split('-')[1] ?? '' });
        await producer.send({ topic, messages: [{ key: 'pay', value: JSON.stringify({ event: 'payment-requested', amount: body.amount }), headers: { traceparent } }, noise()] });
        await new Promise((resolve) => setTimeout(resolve, 150));
        await producer.send({ topic, messages: [{ key: 'pay', value: JSON.stringify({ event: 'payment-settled', amount: body.amount }), headers: { traceparent } }] });
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
      }
      if (req.method === 'POST' && req.url === '/api/order') {
        await readBody(req);
        const requestId = `ord-${randomUUID()}`;
        calls.push({ path: '/api/order', id: requestId });
        await producer.send({ topic, messages: [{ key: 'order', value: JSON.stringify({ event: 'order-placed', requestId, sku: 'book-1' }) }, noise()] });
        return res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': requestId }).end(JSON.stringify({ requestId }));
      }
      res.writeHead(404).end();
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await producer.disconnect();
    },
  };
}
