import type { ServerResponse } from 'node:http';
import type { ServerMessage } from '@kafka-inspector/shared';
import type { RecordDecoder } from '../codec/record-decoder';
import type { Limits } from '../config/types';
import type { RecordPredicate } from '../filter/filter';
import type { TailReader } from '../kafka/gateway';
import { type EncodedRecord, jsonText } from '../session/encoded-record';
import type { TailScanSettings } from '../session/tail-scan';
import { type StreamSink, TailStream } from '../session/tail-stream';
import { formatResumeToken } from './stream-query';

export interface SseTailOptions {
  id: string;
  reader: TailReader;
  predicate: RecordPredicate;
  limit: number | undefined;
  limits: Limits;
  decoder?: RecordDecoder;
  /** Scan in a worker (see TailStreamOptions.scan). */
  scan?: TailScanSettings;
  response: ServerResponse;
  /** Headers beside the event-stream ones (CORS for an allowed origin). */
  headers: Record<string, string>;
  heartbeatMs?: number;
  /** How long EventSource waits before reconnecting (the `retry:` field). */
  retryMs?: number;
  onClosed?: () => void;
}

/**
 * One tail as Server-Sent Events: the WebSocket's TailStream (same filter, batching, backpressure,
 * retention reports) behind a StreamSink that writes SSE instead of frames.
 *
 * - every record is a default (`message`) event whose data is the record as on the WebSocket and
 *   whose `id` is the resume token after it: the next offset of every partition of the stream;
 * - `start` first (with the starting positions as its id, so a reconnect before any record still
 *   resumes where it began), then `status` and `stats` as named events, `end` last;
 * - bufferedAmount is what the response and its socket still hold, so a slow reader throttles the
 *   tail exactly as a slow WebSocket does; comments every heartbeatMs keep proxies from timing out.
 */
export class SseTail {
  private readonly positions = new Map<number, string>();
  private readonly stream: TailStream;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: SseTailOptions) {
    const { reader, response } = options;
    for (const start of reader.starts) this.positions.set(start.partition, start.offset);
    const sink: StreamSink = {
      send: (frame) => this.onFrame(frame),
      sendRecords: (_streamId, records) => this.onRecords(records),
      bufferedAmount: () => response.writableLength + (response.socket?.writableLength ?? 0),
    };
    this.stream = new TailStream({ id: options.id, reader, predicate: options.predicate, limit: options.limit, limits: options.limits, decoder: options.decoder, scan: options.scan, sink, onEnded: () => this.finish() });
    response.writeHead(200, {
      ...options.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    response.socket?.setNoDelay(true);
    const start = { streamId: options.id, topic: reader.topic, partitions: reader.starts };
    this.write(`retry: ${options.retryMs ?? 1000}\nid: ${formatResumeToken(this.positions)}\nevent: start\ndata: ${JSON.stringify(start)}\n\n`);
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), options.heartbeatMs ?? 15_000);
    // The reader's connections close when the client goes: closing the tab ends the tail.
    response.once('close', () => void this.close());
    this.stream.start();
  }

  /** Ends the stream with a last `status` event (the companion is shutting down). EventSource will reconnect. */
  async shutdown(message: string): Promise<void> {
    this.write(`event: status\ndata: ${JSON.stringify({ status: 'ended', message })}\n\n`);
    await this.close();
  }

  /** Stops pulling, releases the reader and ends the response. */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      clearInterval(this.heartbeat);
      if (!this.options.response.writableEnded) this.options.response.end();
      this.options.onClosed?.();
    }
    await this.stream.close();
  }

  private onRecords(records: EncodedRecord[]) {
    let chunk = '';
    for (const record of records) {
      this.positions.set(record.partition, (BigInt(record.offset) + 1n).toString());
      chunk += `id: ${formatResumeToken(this.positions)}\ndata: ${jsonText(record)}\n\n`;
    }
    this.write(chunk);
  }

  private onFrame(frame: ServerMessage) {
    if (frame.type === 'status') {
      const { type: _type, streamId: _id, ...status } = frame;
      if (frame.status === 'ended') this.write(`event: end\ndata: ${JSON.stringify(status)}\n\n`);
      else this.write(`event: status\ndata: ${JSON.stringify(status)}\n\n`);
    } else if (frame.type === 'stats') {
      const { type: _type, streamId: _id, ...stats } = frame;
      this.write(`event: stats\ndata: ${JSON.stringify(stats)}\n\n`);
    }
  }

  /** The stream ended by itself (limit reached, topic deleted): the response ends after its `end` event. */
  private finish() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    // `end` is written synchronously by TailStream.stop before onEnded runs.
    setImmediate(() => this.options.response.end());
    this.options.onClosed?.();
  }

  private write(chunk: string) {
    const response = this.options.response;
    if (response.writableEnded || response.destroyed) return;
    response.write(chunk);
  }
}
