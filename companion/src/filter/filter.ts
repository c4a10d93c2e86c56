import type { TailFilter } from '@kafka-inspector/shared';
import type { RawRecord } from '../kafka/gateway';
import { celPredicate } from './cel-filter';
import { RecordView, type ValueDecoder } from './record-view';
import { textPredicate } from './text-filter';

export { FilterError } from './filter-error';
export type { ValueDecoder } from './record-view';

/**
 * A compiled record predicate. Pure (no I/O, no shared state between records), so it runs as well
 * in a worker thread: compile once per tail, call per record. It throws FilterError only when a
 * CEL filter goes over its cost limit on a record; the stream then ends with INVALID_FILTER.
 */
export type RecordPredicate = (record: RawRecord) => boolean;

export interface FilterOptions {
  /**
   * Decodes a value some other way (Avro, Protobuf through a schema registry). When it returns
   * anything but undefined, CEL's `value` is that, and the text filter searches its JSON text
   * instead of the raw bytes.
   */
  valueOf?: ValueDecoder;
}

/**
 * Compiles a tail filter (text and/or CEL; both must match when both are set). Throws FilterError
 * (protocol code INVALID_FILTER) for a CEL expression that does not parse or type-check, or a
 * `matches` pattern RE2 does not accept, so the client learns at tailStart, not per record. Empty
 * or blank parts count as absent.
 */
export function compileFilter(filter: TailFilter | undefined, options: FilterOptions = {}): RecordPredicate {
  const parts: Array<(view: RecordView) => boolean> = [];
  if (filter?.text) parts.push(textPredicate(filter.text));
  if (filter?.cel?.trim()) parts.push(celPredicate(filter.cel));
  if (parts.length === 0) return () => true;
  // Own property only: every object inherits a `valueOf` (Object.prototype's), which is not a decoder.
  const valueOf = Object.hasOwn(options, 'valueOf') ? options.valueOf : undefined;
  return (record) => {
    // One view per record: text and CEL share its decoded key, value and parsed JSON.
    const view = new RecordView(record, valueOf);
    return parts.every((part) => part(view));
  };
}
