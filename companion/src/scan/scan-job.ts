import type { TailFilter } from '@kafka-inspector/shared';
import type { RecordDecoderSettings } from '../codec/record-decoder';
import type { RecordCaps, UnreadableRange } from '../kafka/gateway';
import type { RawPart } from '../kafka/partition-read';
import type { EncodedRecord } from '../session/encoded-record';

/**
 * One batch of one stream's fetched bytes, handed to a scan worker: plain data, structured-clonable.
 * The worker decodes, filters and turns matches into wire records; the main thread only routes.
 */
export interface ScanJob {
  streamId: string;
  topic: string;
  filter: TailFilter | undefined;
  decoderSettings: RecordDecoderSettings | undefined;
  caps: RecordCaps;
  maxValueBytes: number;
  /** Matches still wanted before the stream's limit; the scan stops there. */
  remaining: number | null;
  parts: ScanPart[];
}

export type ScanPart = RawPart;

/** A stretch of filtering: how many records and the filter's CPU (ms) over them, for the budget. */
export interface FilterStretch {
  records: number;
  cpuMs: number;
}

export interface ScanResult {
  /** Matches in their wire JSON, encoded in the worker. */
  records: EncodedRecord[];
  scanned: number;
  matched: number;
  /** Per partition, the offset after the last record scanned (the resume point past filtered-out records). */
  positions: Record<string, string>;
  /** Set when the scan stopped at the limit: the batch was not read to its end. */
  limitReached: boolean;
  stretches: FilterStretch[];
  unreadable: UnreadableRange[];
  /** The filter went over its own cost limit (FilterError): the stream ends with INVALID_FILTER. */
  filterError?: string;
}
