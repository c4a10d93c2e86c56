import type { ServerMessage } from '@kafka-inspector/shared';
import { recordsFrame } from '../../../../companion/src/session/encoded-record';
import type { StreamSink } from '../../../../companion/src/session/tail-stream';

/** A sink that keeps every frame as the client would read it: a `records` frame is parsed from the text the socket would carry. */
export function frameSink(frames: ServerMessage[], bufferedAmount: () => number = () => 0): StreamSink {
  return {
    send: (frame) => frames.push(frame),
    sendRecords: (streamId, records) => frames.push(JSON.parse(recordsFrame(streamId, records).toString('utf8')) as ServerMessage),
    bufferedAmount,
  };
}
