import type { TailFilter } from '@kafka-inspector/shared';
import type { RawRecord } from '../kafka/gateway';
import { celPredicate } from './cel-filter';
import { RecordView } from './record-view';
import { textPredicate } from './text-filter';

export { FilterError } from './filter-error';

/** A compiled record predicate. Pure: compile once per tail, call per record. */
export type RecordPredicate = (record: RawRecord) => boolean;

/**
 * Compiles a tail filter (text and/or CEL; both must match when both are set). Throws FilterError
 * (protocol code INVALID_FILTER) for a CEL expression that does not parse or type-check, so the
 * client learns at tailStart, not per record. Empty or blank parts count as absent.
 */
export function compileFilter(filter: TailFilter | undefined): RecordPredicate {
  const parts: Array<(view: RecordView) => boolean> = [];
  if (filter?.text) parts.push(textPredicate(filter.text));
  if (filter?.cel?.trim()) parts.push(celPredicate(filter.cel));
  if (parts.length === 0) return () => true;
  return (record) => {
    // One view per record: text and CEL share its decoded key, value and parsed JSON.
    const view = new RecordView(record);
    return parts.every((part) => part(view));
  };
}
