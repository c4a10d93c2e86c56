import type { TailFilter } from '@kafka-inspector/shared';
import type { RawRecord } from '../kafka/gateway';

/** A compiled record predicate. Pure: compile once per tail, call per record. */
export type RecordPredicate = (record: RawRecord) => boolean;

/**
 * Compiles a tail filter (text and/or CEL). Throws FilterError (protocol code INVALID_FILTER)
 * for a CEL expression that does not parse, so the client learns at tailStart, not per record.
 */
export function compileFilter(filter: TailFilter | undefined): RecordPredicate {
  throw new Error('not implemented');
}

export class FilterError extends Error {
  override name = 'FilterError';
}
