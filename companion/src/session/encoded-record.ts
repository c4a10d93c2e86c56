import type { WireRecord } from '@kafka-inspector/shared';

/**
 * A matched record already in its wire JSON (UTF-8 bytes), with the two fields the companion still
 * needs to read (an SSE resume point). Scan workers encode records this way, so the event loop that
 * serves every socket only copies bytes into frames: it never walks a record's fields, and matches
 * cross from a worker as views into one moved buffer, not as an object graph or strings to copy
 * into its heap (where, at tens of MB/s, they cost more in GC than anything else it did).
 */
export interface EncodedRecord {
  partition: number;
  offset: string;
  json: Uint8Array;
}

export const encodeRecord = (record: WireRecord): EncodedRecord => ({ partition: record.partition, offset: record.offset, json: Buffer.from(JSON.stringify(record)) });

/**
 * Matches gathered into one growing buffer as they are encoded; `take` hands them on as records
 * whose `json` are views into one ArrayBuffer of their own, the one thing to move to another thread.
 */
export class EncodedRecords {
  // Grows to the largest run it has held and keeps that size: a worker reuses one for every job.
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  private readonly partitions: number[] = [];
  private readonly offsets: string[] = [];
  private readonly ends: number[] = [];

  get length(): number {
    return this.ends.length;
  }

  push(record: WireRecord): void {
    const json = JSON.stringify(record);
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const most = json.length * 3;
    if (this.used + most > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + most));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += this.buffer.write(json, this.used);
    this.partitions.push(record.partition);
    this.offsets.push(record.offset);
    this.ends.push(this.used);
  }

  /** Drops whatever is gathered (a job that failed half-way must not leak its matches into the next). */
  clear(): void {
    this.used = 0;
    this.partitions.length = 0;
    this.offsets.length = 0;
    this.ends.length = 0;
  }

  /** Everything gathered, copied out to a buffer of its own (see `transferOf`); starts over empty. */
  take(): EncodedRecord[] {
    const bytes = new Uint8Array(this.used);
    bytes.set(this.buffer.subarray(0, this.used));
    const records: EncodedRecord[] = [];
    let start = 0;
    for (let i = 0; i < this.ends.length; i++) {
      const end = this.ends[i]!;
      records.push({ partition: this.partitions[i]!, offset: this.offsets[i]!, json: bytes.subarray(start, end) });
      start = end;
    }
    this.clear();
    return records;
  }
}

/** The buffer to move with records from `EncodedRecords.take` (they share one): none for no records. */
export const transferOf = (records: EncodedRecord[]): ArrayBuffer[] => (records.length ? [records[0]!.json.buffer as ArrayBuffer] : []);

/** A record's JSON as text. */
export const jsonText = (record: EncodedRecord): string => Buffer.from(record.json.buffer, record.json.byteOffset, record.json.byteLength).toString('utf8');

const FRAME_END = Buffer.from(']}');
const COMMA = 0x2c;

/** The UTF-8 bytes of a `records` frame holding these records: what JSON.stringify of the frame object gives. */
export function recordsFrame(streamId: string, records: EncodedRecord[]): Buffer {
  const start = Buffer.from(`{"type":"records","streamId":${JSON.stringify(streamId)},"records":[`);
  let size = start.length + FRAME_END.length + Math.max(records.length - 1, 0);
  for (const record of records) size += record.json.byteLength;
  const frame = Buffer.allocUnsafe(size);
  let at = start.copy(frame, 0);
  for (let i = 0; i < records.length; i++) {
    if (i > 0) frame[at++] = COMMA;
    const json = records[i]!.json;
    frame.set(json, at);
    at += json.byteLength;
  }
  FRAME_END.copy(frame, at);
  return frame;
}
