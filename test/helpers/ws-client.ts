import {
  type ClientMessage,
  type ErrorFrame,
  type RecordsFrame,
  type ResultOf,
  type ServerMessage,
  ServerMessageSchema,
  type StatsFrame,
  type StatusFrame,
  type WelcomeFrame,
  type WireRecord,
} from '@kafka-inspector/shared';
import WebSocket from 'ws';

type Request = ClientMessage extends infer M ? (M extends { id: string } ? Omit<M, 'id'> : never) : never;
type StreamFrame = RecordsFrame | StatusFrame | StatsFrame;

/**
 * A protocol client for tests: every inbound frame is validated against the shared schema (a
 * frame the schema rejects fails the test), replies are matched by id, stream frames are kept.
 */
export class TestClient {
  readonly frames: ServerMessage[] = [];
  readonly invalid: unknown[] = [];
  private nextId = 0;
  private waiters: Array<{ test: (frame: ServerMessage) => boolean; resolve: (frame: ServerMessage) => void }> = [];
  closeCode: Promise<number>;

  private constructor(readonly socket: WebSocket) {
    this.closeCode = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (data) => {
      const parsed = ServerMessageSchema.safeParse(JSON.parse(data.toString()));
      if (!parsed.success) {
        this.invalid.push({ frame: data.toString().slice(0, 500), issues: parsed.error.issues });
        return;
      }
      this.frames.push(parsed.data);
      this.waiters = this.waiters.filter((waiter) => !(waiter.test(parsed.data) && (waiter.resolve(parsed.data), true)));
    });
  }

  static async connect(wsUrl: string, options: { origin?: string; headers?: Record<string, string> } = {}): Promise<TestClient> {
    const socket = new WebSocket(wsUrl, { origin: options.origin, headers: options.headers });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    });
    return new TestClient(socket);
  }

  /** Connects and pairs; throws unless the reply is a welcome. */
  static async paired(wsUrl: string, token: string): Promise<TestClient> {
    const client = await TestClient.connect(wsUrl);
    const reply = await client.send({ type: 'hello', protocol: 1, token });
    if (reply.type !== 'welcome') throw new Error(`hello refused: ${JSON.stringify(reply)}`);
    return client;
  }

  waitFor<T extends ServerMessage>(test: (frame: ServerMessage) => boolean, timeoutMs = 10_000, description = 'frame'): Promise<T> {
    const existing = this.frames.find(test);
    if (existing) return Promise.resolve(existing as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${description}`)), timeoutMs);
      this.waiters.push({ test, resolve: (frame) => (clearTimeout(timer), resolve(frame as T)) });
    });
  }

  /** Sends a request and resolves with its reply (welcome, result or error). */
  async send(request: Request, timeoutMs = 15_000): Promise<WelcomeFrame | ErrorFrame | Extract<ServerMessage, { type: 'result' }>> {
    const id = `t${this.nextId++}`;
    this.socket.send(JSON.stringify({ ...request, id }));
    return this.waitFor((frame) => 'id' in frame && frame.id === id, timeoutMs, `reply to ${request.type}`);
  }

  /** Sends a request that must succeed, and returns its typed result. */
  async ok<T extends Exclude<Request['type'], 'hello'>>(request: Extract<Request, { type: T }>): Promise<ResultOf<T>> {
    const reply = await this.send(request);
    if (reply.type !== 'result') throw new Error(`${(request as Request).type} failed: ${JSON.stringify(reply)}`);
    return reply.result as ResultOf<T>;
  }

  /** Sends a request that must fail, and returns the error. */
  async fails(request: Request): Promise<ErrorFrame['error']> {
    const reply = await this.send(request);
    if (reply.type !== 'error') throw new Error(`${request.type} should have failed: ${JSON.stringify(reply)}`);
    return reply.error;
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  streamFrames(streamId: string): StreamFrame[] {
    return this.frames.filter((f): f is StreamFrame => (f.type === 'records' || f.type === 'status' || f.type === 'stats') && f.streamId === streamId);
  }

  records(streamId: string): WireRecord[] {
    return this.streamFrames(streamId).flatMap((f) => (f.type === 'records' ? f.records : []));
  }

  statuses(streamId: string): string[] {
    return this.streamFrames(streamId).flatMap((f) => (f.type === 'status' ? [f.status] : []));
  }

  async waitForRecords(streamId: string, count: number, timeoutMs = 10_000): Promise<WireRecord[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.records(streamId).length < count) {
      if (Date.now() > deadline) throw new Error(`stream ${streamId}: ${this.records(streamId).length} of ${count} records after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.records(streamId);
  }

  waitForStatus(streamId: string, status: string, timeoutMs = 10_000): Promise<StatusFrame> {
    return this.waitFor((f) => f.type === 'status' && f.streamId === streamId && f.status === status, timeoutMs, `status ${status} of ${streamId}`);
  }

  close(): void {
    this.socket.terminate();
  }
}
