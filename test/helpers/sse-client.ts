import { request, type IncomingMessage } from 'node:http';

export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/**
 * A Server-Sent Events reader for tests, following the WHATWG parsing rules that matter here
 * (fields, comments, `id` persisting across events like EventSource's lastEventId). It can stop
 * reading (pause) to play a slow client.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  lastEventId: string | undefined;
  status = 0;
  headers: IncomingMessage['headers'] = {};
  body = '';
  ended: Promise<void>;
  private response: IncomingMessage | null = null;
  private buffer = '';
  private current: { event: string; data: string[] } = { event: 'message', data: [] };
  private endedResolve!: () => void;

  private constructor() {
    this.ended = new Promise((resolve) => (this.endedResolve = resolve));
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        client.response = res;
        client.status = res.statusCode ?? 0;
        client.headers = res.headers;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.feed(chunk));
        res.on('end', () => client.endedResolve());
        res.on('close', () => client.endedResolve());
        res.on('error', () => client.endedResolve());
        resolve(client);
      });
      req.on('error', reject);
      req.end();
    });
  }

  records<T = { partition: number; offset: string; value: { text?: string } | null }>(): T[] {
    return this.events.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data) as T);
  }

  named(event: string): unknown[] {
    return this.events.filter((e) => e.event === event).map((e) => JSON.parse(e.data) as unknown);
  }

  async waitFor(test: () => boolean, timeoutMs = 10_000, what = 'events'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`SSE: timed out waiting for ${what}; have ${this.events.length} events: ${this.events.slice(-3).map((e) => `${e.event} ${e.data.slice(0, 120)}`).join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  waitForRecords(count: number, timeoutMs = 10_000) {
    return this.waitFor(() => this.records().length >= count, timeoutMs, `${count} records (have ${this.records().length})`);
  }

  pause(): void {
    this.response?.pause();
  }

  resume(): void {
    this.response?.resume();
  }

  close(): void {
    this.response?.destroy();
  }

  private feed(chunk: string) {
    this.body += this.status === 200 ? '' : chunk;
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + (this.buffer.startsWith('\r\n', newline) ? 2 : 1));
      this.line(line);
    }
  }

  private line(line: string) {
    if (line === '') {
      if (this.current.data.length > 0) this.events.push({ event: this.current.event, id: this.lastEventId, data: this.current.data.join('\n') });
      this.current = { event: 'message', data: [] };
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.current.data.push(value);
    else if (field === 'event') this.current.event = value;
    else if (field === 'id') this.lastEventId = value;
  }
}
