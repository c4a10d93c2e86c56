import WebSocket from 'ws';

type Frame = Record<string, unknown> & { type: string };

/**
 * The benchmark's client: it parses every frame (as a browser must) and counts records per stream.
 * Deliberately not the test helper: no schema validation, so it measures the companion, not zod.
 */
export class BenchClient {
  private nextId = 0;
  private readonly pending = new Map<string, (frame: Frame) => void>();
  private readonly onRecords = new Map<string, (records: Array<Record<string, unknown>>) => void>();
  private readonly onStatus = new Map<string, (status: string) => void>();
  private readonly onStats = new Map<string, (stats: Frame) => void>();
  /** Frames of a stream that arrive before its listener (in the same chunk as the tailStart reply). */
  private readonly early = new Map<string, Frame[]>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      if (frame.type === 'records' || frame.type === 'status' || frame.type === 'stats') this.dispatch(frame);
      else if (typeof frame.id === 'string') {
        this.pending.get(frame.id)?.(frame);
        this.pending.delete(frame.id);
      }
    });
  }

  static async connect(wsUrl: string, token: string): Promise<BenchClient> {
    const socket = new WebSocket(wsUrl, { maxPayload: 256 * 1024 * 1024 });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const client = new BenchClient(socket);
    const closed = new Promise<never>((_, reject) => socket.once('close', (code, reason) => reject(new Error(`closed before welcome: ${code} ${reason.toString()}`))));
    const welcome = await Promise.race([client.request({ type: 'hello', protocol: 1, token }), closed]);
    if (welcome.type !== 'welcome') throw new Error(`hello refused: ${JSON.stringify(welcome)}`);
    return client;
  }

  /** Routes a stream's records and statuses to `onRecords`/`onStatus`, including any that came early. */
  listen(streamId: string, onRecords: (records: Array<Record<string, unknown>>) => void, onStatus: (status: string) => void = () => {}, onStats: (stats: Frame) => void = () => {}): void {
    this.onRecords.set(streamId, onRecords);
    this.onStatus.set(streamId, onStatus);
    this.onStats.set(streamId, onStats);
    for (const frame of this.early.get(streamId) ?? []) this.dispatch(frame);
    this.early.delete(streamId);
  }

  private dispatch(frame: Frame): void {
    const streamId = frame.streamId as string;
    if (!this.onRecords.has(streamId)) {
      if (frame.type !== 'stats') this.early.set(streamId, [...(this.early.get(streamId) ?? []), frame]);
      return;
    }
    if (frame.type === 'records') this.onRecords.get(streamId)!(frame.records as Array<Record<string, unknown>>);
    else if (frame.type === 'status') this.onStatus.get(streamId)!(frame.status as string);
    else if (frame.type === 'stats') this.onStats.get(streamId)?.(frame);
  }

  request(frame: Record<string, unknown>): Promise<Frame> {
    const id = `b${this.nextId++}`;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify({ ...frame, id }));
    });
  }

  async tail(topic: string, start: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<string> {
    const reply = await this.request({ type: 'tailStart', topic, start, ...extra });
    if (reply.ok !== true) throw new Error(`tailStart failed: ${JSON.stringify(reply)}`);
    return (reply.result as { streamId: string }).streamId;
  }

  close(): void {
    this.socket.terminate();
  }
}
