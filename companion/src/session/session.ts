import { PROTOCOL_VERSION, type ServerMessage, type WireError } from '@kafka-inspector/shared';
import type { WebSocket } from 'ws';
import { tokenMatches } from './auth';
import type { SessionContext } from './context';
import { handle } from './handlers';
import { parseFrame } from './parse-frame';
import { StreamRegistry } from './stream-registry';
import { welcomeFor } from './welcome';
import { toWireError } from './wire-error';
import { recordsFrame } from './encoded-record';

/** WebSocket close codes of the protocol (docs/protocol.md). */
export const CLOSE = { unauthorized: 4401, unsupportedProtocol: 4400, helloTimeout: 4408, tooManySockets: 4429, goingAway: 1001 } as const;

/** Short: a client sends `hello` as soon as its socket opens, and an unpaired socket holds a place. */
export const HELLO_TIMEOUT_MS = 5_000;

/**
 * One per socket: the handshake, then one reply per request, and the socket's streams. Every
 * handler runs inside a catch, so no frame can take the companion down.
 */
export class Session {
  private authed = false;
  private closed = false;
  private readonly streams: StreamRegistry;
  private readonly helloTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: WebSocket,
    private readonly context: SessionContext,
  ) {
    this.streams = new StreamRegistry(context.config.limits, { send: (frame) => this.send(frame), sendRecords: (streamId, records) => this.sendText(recordsFrame(streamId, records)), bufferedAmount: () => socket.bufferedAmount }, context.streamBudget);
    this.helloTimer = setTimeout(() => this.closeWith(CLOSE.helloTimeout, 'no hello in time'), HELLO_TIMEOUT_MS);
    context.admission.arrive(this);
    // Handlers are attached at once, so no early frame is missed (fastify-websocket's advice).
    socket.on('message', (data, isBinary) => void this.onFrame(isBinary ? null : data.toString()));
    socket.on('close', () => void this.dispose());
    socket.on('error', () => void this.dispose());
  }

  private async onFrame(text: string | null): Promise<void> {
    let id: string | null = null;
    try {
      if (text === null) return this.sendError(null, { code: 'BAD_FRAME', message: 'binary frames are not part of the protocol; send JSON text' });
      const parsed = parseFrame(text);
      if (!this.authed) return await this.onHello(parsed);
      if (!parsed.ok) return this.sendError(parsed.id, parsed.error);
      const { message } = parsed;
      id = message.id;
      if (message.type === 'hello') return this.sendError(message.id, { code: 'BAD_FRAME', message: 'already paired: hello comes once per connection' });
      const result = await handle(message, { context: this.context, streams: this.streams });
      this.send({ type: 'result', id: message.id, ok: true, request: message.type, result } as ServerMessage);
    } catch (error) {
      const wire = toWireError(error);
      if (wire.code === 'INTERNAL') this.context.log.error(`request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.sendError(id, wire);
    }
  }

  /** The unpaired pool needs this socket's place (admission.ts): it had not sent its hello. */
  evict(): void {
    this.closeWith(CLOSE.tooManySockets, 'too many unpaired connections');
  }

  private async onHello(parsed: ReturnType<typeof parseFrame>): Promise<void> {
    // A frame that does not match the schema is BAD_FRAME whatever it is, paired or not (a hello
    // with an extra field or without a token, too): the client learns what to fix, and may send a
    // valid hello before the hello deadline.
    if (!parsed.ok) return this.sendError(parsed.id, parsed.error);
    if (parsed.message.type !== 'hello') {
      this.sendError(parsed.message.id, { code: 'UNAUTHORIZED', message: 'the first frame must be a hello with the pairing token' });
      return this.closeWith(CLOSE.unauthorized, 'hello expected');
    }
    const hello = parsed.message;
    if (hello.protocol !== PROTOCOL_VERSION) {
      this.sendError(hello.id, { code: 'UNSUPPORTED_PROTOCOL', message: `this companion speaks protocol ${PROTOCOL_VERSION}, not ${hello.protocol}`, details: { supported: [PROTOCOL_VERSION] } });
      return this.closeWith(CLOSE.unsupportedProtocol, 'unsupported protocol');
    }
    // Its token is being checked: it leaves the unpaired pool (a socket that only sends bad frames
    // stays there, evictable, so such sockets cannot pile up outside it).
    this.context.admission.helloReceived(this);
    if (!tokenMatches(this.context.config.token, hello.token)) {
      // Answered late, on a budget shared by every socket (auth.ts): guessing in parallel gains nothing.
      const delay = this.context.pairings.failure();
      if (delay === null) {
        const retryAfterMs = this.context.pairings.retryAfterMs();
        this.sendError(hello.id, { code: 'RATE_LIMITED', message: 'too many failed pairings on this companion: wait and retry', details: { retryAfterMs } });
        return this.closeWith(CLOSE.tooManySockets, 'too many failed pairings');
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      this.context.log.warn('refused a connection with a wrong token');
      this.sendError(hello.id, { code: 'UNAUTHORIZED', message: 'wrong token: pair with the token the companion printed at start-up' });
      return this.closeWith(CLOSE.unauthorized, 'wrong token');
    }
    clearTimeout(this.helloTimer);
    if (!this.context.admission.pair(this)) {
      const limit = this.context.config.limits.maxSockets;
      this.sendError(hello.id, { code: 'LIMIT_EXCEEDED', message: `at most ${limit} paired connections at once; close one first`, details: { limit } });
      return this.closeWith(CLOSE.tooManySockets, 'too many connections');
    }
    this.authed = true;
    this.send({ type: 'welcome', id: hello.id, ok: true, ...welcomeFor(this.context.config, this.context.serverVersion) });
  }

  private send(frame: ServerMessage): void {
    this.sendText(JSON.stringify(frame));
  }

  /** A text frame; JSON already as UTF-8 bytes (a records frame) goes as it is, still a text frame. */
  private sendText(text: string | Buffer): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(text, { binary: false });
  }

  private sendError(id: string | null, error: WireError): void {
    this.send({ type: 'error', id, ok: false, error });
  }

  private closeWith(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, reason);
    void this.dispose();
  }

  /** Server shutdown: streams end, the client is told the server is going away. */
  async shutdown(): Promise<void> {
    this.closeWith(CLOSE.goingAway, 'companion shutting down');
    await this.dispose();
  }

  async dispose(): Promise<void> {
    clearTimeout(this.helloTimer);
    this.context.admission.leave(this);
    this.closed = true;
    await this.streams.closeAll();
  }
}
