import type { RawRecord, RecordCaps, UnreadableRange } from './gateway';
import { batchBody, batchFrames, decodeBatchRecords, unreadableReason } from './record-batch';

/** One partition of a Fetch answer, as the broker sent it: the record batches stay raw bytes. */
export interface FetchedPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  /** -1 when the broker does not know it (READ_UNCOMMITTED, or older brokers). */
  lastStableOffset: string;
  abortedTransactions: AbortedTransaction[];
  records: Buffer;
}

/** One partition's answer with the offset it was fetched from: what a scan worker decodes. */
export interface RawPart {
  fetchOffset: string;
  data: FetchedPartition;
}

export interface AbortedTransaction {
  producerId: string;
  firstOffset: string;
}

export interface PartitionRead {
  records: RawRecord[];
  /** The next offset to fetch for this partition. */
  next: string;
  highWatermark: string;
  /** Offset up to which a READ_COMMITTED reader can read (the last stable offset). */
  end: string;
  /** Batches stepped over because the companion cannot read them (a codec it lacks). */
  unreadable: UnreadableRange[];
  /** Records in batches the `mayMatch` test ruled out, counted but never decoded. */
  passed: number;
}

/**
 * Turns one partition's Fetch answer into records and the next position, the way Java's consumer
 * does it for READ_COMMITTED:
 * - the next position is the offset after the last whole batch, whatever it held: compaction may
 *   have emptied a batch's start or all of it, control batches hold no records, so positions
 *   follow batches, not records;
 * - control batches (transaction markers) are never records;
 * - batches of a transaction the broker lists as aborted are dropped, from the aborted
 *   transaction's first offset until that producer's abort marker;
 * - a batch cut at the end of the answer is left for the next fetch.
 *
 * `mayMatch` (batch-prefilter.ts) sees each readable batch's decompressed bytes first: a batch it
 * rules out is only counted (`passed`), its records never built.
 */
export function readPartition(topic: string, fetchOffset: string, data: FetchedPartition, caps: RecordCaps, mayMatch?: (batch: Buffer) => boolean): PartitionRead {
  const from = BigInt(fetchOffset);
  let next = from;
  const records: RawRecord[] = [];
  const unreadable: UnreadableRange[] = [];
  const aborted = [...data.abortedTransactions].map((t) => ({ producerId: BigInt(t.producerId), firstOffset: BigInt(t.firstOffset) })).sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : 1));
  const abortedProducers = new Set<bigint>();
  let nextAborted = 0;
  let passed = 0;
  const context = { topic, partition: data.partition, fetchOffset: from, caps };
  for (const frame of batchFrames(data.records)) {
    if (frame.lastOffset < from) continue;
    while (nextAborted < aborted.length && aborted[nextAborted]!.firstOffset <= frame.lastOffset) abortedProducers.add(aborted[nextAborted++]!.producerId);
    next = frame.lastOffset + 1n;
    if (frame.control) {
      // The marker ends the producer's transaction: its later batches are another transaction's.
      if (abortedProducers.has(frame.producerId) && isAbortMarker(frame)) abortedProducers.delete(frame.producerId);
      continue;
    }
    if (frame.transactional && abortedProducers.has(frame.producerId)) continue;
    const reason = unreadableReason(frame);
    const body = reason === null ? batchBody(frame) : null;
    if (body === null) {
      unreadable.push({ partition: data.partition, from: (frame.baseOffset < from ? from : frame.baseOffset).toString(), to: next.toString(), reason: reason ?? 'unreadable batch' });
      continue;
    }
    // A batch that starts before the fetch offset (a compressed one comes back whole) is decoded:
    // only its records from the offset on count.
    if (mayMatch && frame.baseOffset >= from && !mayMatch(body)) {
      passed += frame.recordCount;
      continue;
    }
    decodeBatchRecords(frame, body, context, records);
  }
  return { records, next: next.toString(), highWatermark: data.highWatermark, end: readableEnd(data), unreadable, passed };
}

/**
 * The next offset to fetch after an answer, from the batch frames alone (the rule of readPartition,
 * without decoding a record): after the last whole batch that reaches the fetch offset.
 */
export function nextPosition(fetchOffset: string, records: Buffer): string {
  const from = BigInt(fetchOffset);
  let next = from;
  for (const frame of batchFrames(records)) if (frame.lastOffset >= from) next = frame.lastOffset + 1n;
  return next.toString();
}

/** The offset a READ_COMMITTED reader can read up to: the last stable offset, or the high watermark when unknown. */
export const readableEnd = (data: FetchedPartition): string => (BigInt(data.lastStableOffset) >= 0n ? data.lastStableOffset : data.highWatermark);

/**
 * A control record's key is version int16 then type int16: 0 abort, 1 commit. A control batch
 * holds one such record; a marker we cannot read counts as an abort, as dropping is the safe side.
 */
function isAbortMarker(frame: { body: Buffer; compression: string }): boolean {
  if (frame.compression !== 'none') return true;
  try {
    const body = frame.body;
    // length, attributes, timestampDelta, offsetDelta, then the key's varint length and bytes.
    let at = 0;
    for (let field = 0; field < 4; field++) {
      if (field === 1) {
        at++;
        continue;
      }
      while (body[at]! & 0x80) at++;
      at++;
    }
    while (body[at]! & 0x80) at++;
    at++;
    return body.readInt16BE(at + 2) === 0;
  } catch {
    return true;
  }
}
