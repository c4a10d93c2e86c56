import type { WireRecord } from '@kafka-inspector/shared';

/**
 * A matched record already in its wire JSON, with the two fields the companion still needs to
 * read (an SSE resume point). Scan workers encode records this way, so the event loop that serves
 * every socket only splices text into frames: it never walks a record's fields, and a batch of
 * matches crosses from the worker as strings, not as an object graph to clone.
 */
export interface EncodedRecord {
  partition: number;
  offset: string;
  json: string;
}

export const encodeRecord = (record: WireRecord): EncodedRecord => ({ partition: record.partition, offset: record.offset, json: JSON.stringify(record) });

/** The text of a `records` frame holding these records: what JSON.stringify of the frame object gives. */
export const recordsFrameText = (streamId: string, records: EncodedRecord[]): string =>
  `{"type":"records","streamId":${JSON.stringify(streamId)},"records":[${records.map((record) => record.json).join(',')}]}`;
