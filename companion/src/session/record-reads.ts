import { FULL_VALUE_MAX_BYTES, type RecordGot, type RecordsBeforeResult, type RequestOf } from '@kafka-inspector/shared';
import { createRecordDecoder, type RecordDecoder } from '../codec/record-decoder';
import type { KafkaGateway, RawRecord, TailReader } from '../kafka/gateway';
import { RequestError } from './wire-error';

/** Longest a read by coordinates keeps fetching before it gives up (a slow leader, a huge batch). */
const READ_TIMEOUT_MS = 15_000;

const big = (value: string) => BigInt(value);

/**
 * Reads one partition from `from` until `stop` says enough, or the partition's end: a short-lived
 * group-less reader (the tail's), closed however the read ends.
 */
async function readFrom(gateway: KafkaGateway, topic: string, partition: number, from: string, stop: (record: RawRecord) => boolean) {
  const reader: TailReader = await gateway.openTail({ topic, partitions: [partition], start: { from: 'positions', positions: { [partition]: from } } });
  const signal = AbortSignal.timeout(READ_TIMEOUT_MS);
  const records: RawRecord[] = [];
  try {
    const start = reader.starts[0]!;
    let done = big(start.offset) >= big(start.high);
    while (!done) {
      const batch = await reader.fetch(signal).catch((error: unknown) => {
        if (signal.aborted) throw new RequestError('TIMEOUT', `reading ${topic} partition ${partition} from ${from} took over ${READ_TIMEOUT_MS / 1000} s`);
        throw error;
      });
      for (const record of batch.records) {
        if (record.partition !== partition) continue;
        records.push(record);
        if (stop(record)) done = true;
      }
      if (batch.caughtUp) done = true;
    }
    return { start, records };
  } finally {
    await reader.close().catch(() => {});
  }
}

/** One record by coordinates, with its key, value and headers whole up to FULL_VALUE_MAX_BYTES. */
export async function getRecord(gateway: KafkaGateway, request: RequestOf<'recordGet'>, decoder: RecordDecoder = createRecordDecoder(undefined, request.topic)): Promise<RecordGot> {
  const { topic, partition, offset } = request;
  const wanted = big(offset);
  const { start, records } = await readFrom(gateway, topic, partition, offset, (record) => big(record.offset) >= wanted);
  const where = `${topic} partition ${partition}`;
  if (wanted < big(start.low) || wanted >= big(start.high)) {
    throw new RequestError('NOT_FOUND', `offset ${offset} is not in ${where}: it holds offsets ${start.low} to ${big(start.high) - 1n}`, { low: start.low, high: start.high });
  }
  const found = records.find((record) => big(record.offset) === wanted);
  if (!found) {
    const next = records.find((record) => big(record.offset) > wanted);
    throw new RequestError('NOT_FOUND', `offset ${offset} of ${where} no longer exists (compacted or a transaction marker)${next ? `; the next record is at ${next.offset}` : ''}`, next ? { next: next.offset } : undefined);
  }
  await decoder.prepare([found]);
  return { record: decoder.toWire(found, FULL_VALUE_MAX_BYTES), low: start.low, high: start.high };
}

/** Up to `count` records just before `before`, as previews, oldest first. */
/** `decoder` (Avro, Protobuf, ...: codec/record-decoder.ts) defaults to the plain text, JSON or base64. */
export async function getRecordsBefore(
  gateway: KafkaGateway,
  request: RequestOf<'recordsBefore'>,
  maxPreviewBytes: number,
  decoder: RecordDecoder = createRecordDecoder(undefined, request.topic),
): Promise<RecordsBeforeResult> {
  const { topic, partition, before, count } = request;
  const end = big(before);
  const from = end - BigInt(count) > 0n ? end - BigInt(count) : 0n;
  if (end === 0n) return { records: [], low: '0' };
  const { start, records } = await readFrom(gateway, topic, partition, from.toString(), (record) => big(record.offset) >= end - 1n);
  const older = records.filter((record) => big(record.offset) < end && big(record.offset) >= from);
  await decoder.prepare(older);
  return { records: older.map((record) => decoder.toWire(record, maxPreviewBytes)), low: start.low };
}
