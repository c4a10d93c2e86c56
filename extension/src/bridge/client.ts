import { PROTOCOL_VERSION, type ClientMessage, type ResultOf, type ServerMessage, ServerMessageSchema, type Welcome } from '@kafka-inspector/shared';
import { backoffDelay } from './backoff';
import { scopeToCluster } from './cluster-scope';
import { type ConnectionState, RequestFailed } from './connection-state';
import { Emitter } from './emitter';
import { noteResumePoints, type OpenTail, refOf, resumePositions, type StreamFrame, type TailHandle, type TailSpec } from './open-tail';

// The bridge's vocabulary, importable from here as before the split.
export { type ConnectionState, RequestFailed } from './connection-state';
export type { StreamFrame, TailHandle, TailSpec } from './open-tail';

type Request = ClientMessage extends infer M ? (M extends { id: string } ? Omit<M, 'id'> : never) : never;
type RequestType = Exclude<Request['type'], 'hello'>;

export interface BridgeEvents {
  state: (state: ConnectionState) => void;
  stream: (handle: TailHandle, frame: StreamFrame) => void;
  /** After a reconnect: the tail was started again under a new stream id. */
  resumed: (handle: TailHandle) => void;
}

export interface BridgeOptions {
  WebSocket?: typeof WebSocket;
  requestTimeoutMs?: number;
  random?: () => number;
  log?: (message: string, detail?: unknown) => void;
}

/**
 * The panel's one connection to the companion. Requests carry ids and time out; every inbound
 * frame is validated; a dropped socket is reopened with backoff and jitter, and open tails are
 * started again from the next offset the panel holds, so nothing is missed (duplicates are
 * dropped by the store).
 */
export class Bridge {
  private socket: WebSocket | null = null;
  private nextId = 0;
  private readonly pending = new Map<string, { resolve: (frame: ServerMessage) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private readonly tails = new Map<number, OpenTail>();
  private nextTailKey = 1;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private target: { url: string; token: string } | null = null;
  private readonly WebSocketImpl: typeof WebSocket;
  private readonly timeoutMs: number;
  private readonly log: (message: string, detail?: unknown) => void;
  private readonly events: Emitter<BridgeEvents>;
  state: ConnectionState = { status: 'idle' };
  private cluster: string | null = null;

  constructor(private readonly options: BridgeOptions = {}) {
    this.WebSocketImpl = options.WebSocket ?? globalThis.WebSocket;
    this.timeoutMs = options.requestTimeoutMs ?? 15_000;
    this.log = options.log ?? ((message, detail) => console.error(`[kafka-inspector] ${message}`, detail ?? ''));
    this.events = new Emitter((error) => this.log('a bridge listener failed', error));
  }

  /** Subscribes to connection states, stream frames or resumed tails; returns the unsubscribe. */
  on<E extends keyof BridgeEvents>(event: E, fn: BridgeEvents[E]): () => void {
    return this.events.on(event, fn);
  }

  /** The panel is going away: closes the socket, fails what is pending, and drops every listener. */
  shutdown(): void {
    this.disconnect();
    this.events.clear();
  }

  /** Opens (or re-targets) the connection. Resolves with the welcome, rejects when pairing fails. */
  connect(url: string, token: string): Promise<Welcome> {
    this.teardown();
    this.target = { url, token };
    this.attempt = 0;
    return this.open();
  }

  disconnect(): void {
    this.teardown();
    this.setState({ status: 'idle' });
  }

  private teardown(): void {
    this.target = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'panel closed');
    this.failPending('disconnected');
    this.tails.clear();
  }

  /** Requests that name no cluster go to this profile (null: the companion's default). */
  useCluster(name: string | null): void {
    this.cluster = name;
  }

  async request<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<ResultOf<T>> {
    const reply = await this.send(scopeToCluster(request, this.cluster));
    if (reply.type === 'error') throw new RequestFailed(reply.error);
    if (reply.type !== 'result') throw new Error(`unexpected reply ${reply.type}`);
    return reply.result as ResultOf<T>;
  }

  async startTail(spec: TailSpec): Promise<TailHandle> {
    const result = await this.request({ type: 'tailStart', ...spec });
    const tail: OpenTail = { key: this.nextTailKey++, streamId: result.streamId, spec, starts: result.partitions, next: {} };
    this.tails.set(tail.key, tail);
    return refOf(tail);
  }

  /** Stops a tail once: a second call for the same handle (its stop still in flight) sends nothing. */
  async stopTail(handle: TailHandle): Promise<void> {
    const tail = this.tails.get(handle.key);
    if (!tail) return;
    this.tails.delete(handle.key);
    if (tail.streamId && this.state.status === 'open') await this.request({ type: 'tailStop', streamId: tail.streamId }).catch(() => {});
  }

  /** Pauses or resumes a tail under its current stream id (a reconnect may have changed it). */
  async controlTail(handle: TailHandle, type: 'tailPause' | 'tailResume'): Promise<void> {
    const streamId = this.tails.get(handle.key)?.streamId;
    if (streamId) await this.request({ type, streamId });
  }

  private open(): Promise<Welcome> {
    const target = this.target!;
    this.setState({ status: this.attempt === 0 ? 'connecting' : 'reconnecting', attempt: this.attempt } as ConnectionState);
    return new Promise<Welcome>((resolve, reject) => {
      let socket: WebSocket;
      try {
        socket = new this.WebSocketImpl(target.url);
      } catch (error) {
        this.setState({ status: 'closed', reason: (error as Error).message });
        return reject(error);
      }
      this.socket = socket;
      let welcomed = false;
      socket.onmessage = (event) => this.onMessage(String(event.data));
      socket.onopen = () => {
        this.send({ type: 'hello', protocol: PROTOCOL_VERSION, token: target.token, client: 'kafka-inspector-panel' }).then(
          (reply) => {
            if (reply.type === 'welcome') {
              welcomed = true;
              this.attempt = 0;
              const { type: _t, id: _i, ok: _o, ...welcome } = reply;
              this.setState({ status: 'open', welcome });
              void this.resumeTails();
              resolve(welcome);
            } else if (reply.type === 'error') {
              this.target = null;
              this.setState({ status: 'unauthorized', reason: reply.error.message, error: reply.error });
              reject(new RequestFailed(reply.error));
            }
          },
          (error: Error) => reject(error),
        );
      };
      socket.onclose = (event) => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.failPending('connection lost');
        for (const tail of this.tails.values()) tail.streamId = null;
        if (!this.target || event.code === 4401 || event.code === 4400) {
          if (this.state.status !== 'unauthorized') this.setState({ status: 'closed', reason: event.reason || `closed (${event.code})` });
          if (!welcomed) reject(new Error(event.reason || 'connection refused'));
          return;
        }
        if (!welcomed && this.attempt === 0) reject(new Error('cannot reach the companion'));
        this.scheduleReconnect(event.reason || 'connection lost');
      };
    });
  }

  private scheduleReconnect(reason: string) {
    this.attempt++;
    const delay = backoffDelay(this.attempt, this.options.random);
    this.setState({ status: 'reconnecting', attempt: this.attempt, retryAt: Date.now() + delay, reason });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.target) this.open().catch(() => {});
    }, delay);
  }

  /** Starts every tail again from the next offset held; partitions with nothing held keep their first start. */
  private async resumeTails() {
    for (const tail of this.tails.values()) {
      try {
        const result = await this.request({ type: 'tailStart', ...tail.spec, start: { from: 'positions', positions: resumePositions(tail) } });
        tail.streamId = result.streamId;
        this.events.emit('resumed', refOf(tail));
      } catch (error) {
        this.log('could not resume a tail after reconnecting', error);
      }
    }
  }

  private send(request: Request): Promise<ServerMessage> {
    const socket = this.socket;
    if (!socket || socket.readyState !== 1) return Promise.reject(new Error('not connected to the companion'));
    const id = `p${++this.nextId}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${request.type} timed out after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      socket.send(JSON.stringify({ ...request, id }));
    });
  }

  private onMessage(text: string) {
    let frame: ServerMessage;
    try {
      const parsed = ServerMessageSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return this.log('ignored a frame that does not match the protocol', parsed.error.issues);
      frame = parsed.data;
    } catch (error) {
      return this.log('ignored a frame that is not JSON', error);
    }
    if (frame.type === 'records' || frame.type === 'status' || frame.type === 'stats') {
      const tail = [...this.tails.values()].find((t) => t.streamId === frame.streamId);
      if (!tail) return;
      // Noted on arrival, before any listener: a reconnect must resume after what was handed over.
      noteResumePoints(tail, frame);
      // The companion ended it (limit reached, stopped, failed): nothing to resume or stop any more.
      if (frame.type === 'status' && frame.status === 'ended') this.tails.delete(tail.key);
      this.events.emit('stream', refOf(tail), frame);
      return;
    }
    if (frame.id === null) return this.log('the companion refused a frame', frame.type === 'error' ? frame.error : frame);
    const waiter = this.pending.get(frame.id);
    if (!waiter) return;
    this.pending.delete(frame.id);
    clearTimeout(waiter.timer);
    waiter.resolve(frame);
  }

  private failPending(reason: string) {
    for (const [id, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
      this.pending.delete(id);
    }
  }

  private setState(state: ConnectionState) {
    this.state = state;
    this.events.emit('state', state);
  }
}
