import type { OutgoingRecord } from '@kafka-inspector/shared';
import picomatch from 'picomatch';
import { encodeData } from '../codec/encode';
import type { CompanionConfig } from '../config/types';
import type { RawOutgoingRecord } from '../kafka/gateway';
import { RequestError } from './wire-error';

/** Read-only and the allow-list are enforced here, in the companion: the UI only mirrors them. */
export function assertMayProduce(config: Pick<CompanionConfig, 'readOnly' | 'produceAllowList'>, topic: string): void {
  if (config.readOnly) throw new RequestError('READ_ONLY', 'this companion is read-only: producing is disabled');
  const allow = config.produceAllowList;
  if (allow && !allow.some((glob) => picomatch.isMatch(topic, glob, { dot: true }))) {
    throw new RequestError('FORBIDDEN_TOPIC', `topic ${topic} is not in the produce allow-list`, { allowList: allow });
  }
}

/** Decodes client records to bytes, refusing any record over the size limit (key + value + headers). */
export function toRawRecords(records: OutgoingRecord[], maxRecordBytes: number): RawOutgoingRecord[] {
  return records.map((record, index) => {
    try {
      const raw: RawOutgoingRecord = {
        key: record.key ? encodeData(record.key) : null,
        value: record.value ? encodeData(record.value) : null,
        headers: (record.headers ?? []).map((h) => ({ key: h.key, value: h.value ? encodeData(h.value) : null })),
        ...(record.partition === undefined ? {} : { partition: record.partition }),
        ...(record.timestamp === undefined ? {} : { timestamp: record.timestamp }),
      };
      const size = (raw.key?.length ?? 0) + (raw.value?.length ?? 0) + raw.headers.reduce((sum, h) => sum + Buffer.byteLength(h.key) + (h.value?.length ?? 0), 0);
      if (size > maxRecordBytes) throw new RequestError('TOO_LARGE', `record ${index} is ${size} bytes; the limit is ${maxRecordBytes}`, { index, size, limit: maxRecordBytes });
      return raw;
    } catch (error) {
      if (error instanceof RequestError) throw error;
      throw new RequestError('BAD_FRAME', `record ${index}: ${(error as Error).message}`, { index });
    }
  });
}
