import type { RecordDecoder } from '../codec/record-decoder';
import type { Limits } from '../config/types';
import type { RecordPredicate } from '../filter/filter';
import type { TailReader } from '../kafka/gateway';
import type { TailScanSettings } from './tail-scan';
import { type StreamSink, TailStream } from './tail-stream';
import { RequestError } from './wire-error';

/**
 * Open streams across every socket of the companion (`maxStreamsTotal`): sixteen sockets with
 * sixteen streams each once cost 90 MB and slowed every client (issue 16, security 6).
 */
export class StreamBudget {
  private open = 0;

  constructor(readonly limit: number) {}

  get size(): number {
    return this.open;
  }

  hasRoom(): boolean {
    return this.open < this.limit;
  }

  take(): void {
    this.open++;
  }

  give(): void {
    this.open = Math.max(0, this.open - 1);
  }
}

/** The streams of one socket: ids, the per-socket and global limits, and closing them all when it goes. */
export class StreamRegistry {
  private readonly streams = new Map<string, { stream: TailStream; topic: string }>();
  private nextId = 1;
  /** Places reserved by tailStarts still connecting. */
  private pending = 0;
  private closed = false;

  constructor(
    private readonly limits: Limits,
    private readonly sink: StreamSink,
    private readonly budget: StreamBudget = new StreamBudget(limits.maxStreamsTotal),
  ) {}

  /**
   * Holds a place for a stream about to open (per socket and on the companion), so that parallel
   * tailStarts cannot all pass the check while their readers connect. `open` uses the place; the
   * returned function gives it back if the stream never opens.
   */
  reserve(): () => void {
    this.assertRoom();
    this.pending++;
    this.budget.take();
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.pending--;
      this.budget.give();
    };
  }

  assertRoom(): void {
    if (this.streams.size + this.pending >= this.limits.maxStreamsPerSocket) {
      throw new RequestError('LIMIT_EXCEEDED', `at most ${this.limits.maxStreamsPerSocket} streams per connection; stop one first`, { limit: this.limits.maxStreamsPerSocket });
    }
    if (!this.budget.hasRoom()) {
      throw new RequestError('LIMIT_EXCEEDED', `at most ${this.budget.limit} streams on this companion across all connections; stop one first`, {
        limit: this.budget.limit,
        scope: 'companion',
      });
    }
  }

  /** Opens a stream in a place taken with `reserve`. */
  open(reader: TailReader, predicate: RecordPredicate, limit: number | undefined, decoder?: RecordDecoder, scan?: TailScanSettings): TailStream {
    this.pending = Math.max(0, this.pending - 1);
    if (this.closed) {
      // The socket went while the reader connected: nobody is left to read this stream.
      this.budget.give();
      void reader.close();
      throw new RequestError('UNKNOWN_STREAM', 'the connection closed before the stream opened');
    }
    const id = `s${this.nextId++}`;
    const stream = new TailStream({ id, reader, predicate, limit, limits: this.limits, sink: this.sink, decoder, scan, onEnded: () => this.forget(id) });
    this.streams.set(id, { stream, topic: reader.topic });
    // After the tailStart reply has gone out: a client must learn the stream id before its frames.
    setImmediate(() => {
      if (!stream.isEnded) stream.start();
    });
    return stream;
  }

  /** A stream's place goes back to the socket and the companion once, whichever way it ended. */
  private forget(id: string): void {
    if (this.streams.delete(id)) this.budget.give();
  }

  get(streamId: string): TailStream {
    const entry = this.streams.get(streamId);
    if (!entry || entry.stream.isEnded) throw new RequestError('UNKNOWN_STREAM', `no open stream ${streamId} on this connection`);
    return entry.stream;
  }

  topicOf(streamId: string): string {
    return this.streams.get(streamId)?.topic ?? '';
  }

  get size(): number {
    return this.streams.size;
  }

  async closeAll(): Promise<void> {
    this.closed = true;
    const all = [...this.streams.values()];
    for (let i = 0; i < all.length; i++) this.budget.give();
    this.streams.clear();
    await Promise.allSettled(all.map(({ stream }) => stream.close()));
  }
}
