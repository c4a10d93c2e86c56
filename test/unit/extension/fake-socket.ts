/**
 * A stand-in WebSocket class for the bridge's unit tests: the test plays the companion, reading
 * what the bridge sent and pushing frames back. The integration and e2e suites use real sockets.
 */
export class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  static reset() {
    FakeSocket.instances = [];
  }

  static latest(): FakeSocket {
    return FakeSocket.instances[FakeSocket.instances.length - 1]!;
  }

  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code = 1000, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  open() {
    this.readyState = 1;
    this.onopen?.();
  }

  push(frame: unknown) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  /** The last request of a type the bridge sent. */
  last(type: string): Record<string, unknown> {
    const found = [...this.sent].reverse().find((f) => f.type === type);
    if (!found) throw new Error(`no ${type} sent; sent: ${this.sent.map((f) => f.type).join(', ')}`);
    return found;
  }

  reply(type: string, result: unknown) {
    const request = this.last(type);
    this.push({ type: 'result', id: request.id, ok: true, request: type, result });
  }

  welcome(overrides: Record<string, unknown> = {}) {
    const hello = this.last('hello');
    this.push({
      type: 'welcome', id: hello.id, ok: true, protocol: 1, server: { name: 'kafka-inspector', version: '0.1.0' },
      capabilities: { readOnly: false, produceAllowList: null, cel: true, schemaRegistry: false, limits: { maxFrameBytes: 1, maxRecordBytes: 1, maxValuePreviewBytes: 1, maxStreamsPerSocket: 1 } },
      clusters: [{ name: 'local', default: true, brokers: ['127.0.0.1:9092'], tls: false, sasl: null, demo: false }],
      ...overrides,
    });
  }
}

export const asWebSocket = FakeSocket as unknown as typeof WebSocket;

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
