import type { Limits } from '../config/types';
import type { RecordPredicate } from '../filter/filter';
import type { TailReader } from '../kafka/gateway';
import { type StreamSink, TailStream } from './tail-stream';
import { RequestError } from './wire-error';

/** The streams of one socket: ids, the per-socket limit, and closing them all when it goes. */
export class StreamRegistry {
  private readonly streams = new Map<string, { stream: TailStream; topic: string }>();
  private nextId = 1;

  constructor(
    private readonly limits: Limits,
    private readonly sink: StreamSink,
  ) {}

  assertRoom(): void {
    if (this.streams.size >= this.limits.maxStreamsPerSocket) {
      throw new RequestError('LIMIT_EXCEEDED', `at most ${this.limits.maxStreamsPerSocket} streams per connection; stop one first`, { limit: this.limits.maxStreamsPerSocket });
    }
  }

  open(reader: TailReader, predicate: RecordPredicate, limit: number | undefined): TailStream {
    const id = `s${this.nextId++}`;
    const stream = new TailStream({ id, reader, predicate, limit, limits: this.limits, sink: this.sink, onEnded: () => this.streams.delete(id) });
    this.streams.set(id, { stream, topic: reader.topic });
    // After the tailStart reply has gone out: a client must learn the stream id before its frames.
    setImmediate(() => {
      if (!stream.isEnded) stream.start();
    });
    return stream;
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
    const all = [...this.streams.values()];
    this.streams.clear();
    await Promise.allSettled(all.map(({ stream }) => stream.close()));
  }
}
