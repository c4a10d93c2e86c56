import { ParseError, TypeError as CelTypeError } from '@marcbachmann/cel-js';
import { filterEnvironment } from './cel-environment';
import { FilterError } from './filter-error';
import type { RecordView } from './record-view';
import { findUnsafeRegex } from './regex-guard';

/**
 * Parses and type-checks once, at tailStart, so a bad expression is an INVALID_FILTER reply rather
 * than a silent stream of non-matches. Per record, any evaluation error (a missing field, a type
 * mismatch on this record's JSON) and any non-boolean result mean "no match": one odd record never
 * ends a tail.
 */
export function celPredicate(expression: string): (view: RecordView) => boolean {
  const evaluate = compile(expression);
  return (view) => {
    try {
      return evaluate(celContext(view)) === true;
    } catch {
      return false;
    }
  };
}

function compile(expression: string) {
  let parsed;
  try {
    parsed = filterEnvironment.parse(expression);
  } catch (error) {
    throw filterError(error);
  }
  const checked = parsed.check();
  if (!checked.valid) throw filterError(checked.error);
  // dyn stays allowed (`value.flag`): it may be a bool at run time; anything else never can be.
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    throw new FilterError(`the filter must be a condition (bool), but this expression gives ${checked.type}`);
  }
  const unsafe = findUnsafeRegex(parsed.ast);
  if (unsafe) throw new FilterError(unsafe);
  return parsed;
}

function filterError(error: unknown): FilterError {
  if (error instanceof ParseError || error instanceof CelTypeError) {
    const { range } = error;
    return new FilterError(error.message, range ? { range: { start: range.start, end: range.end } } : undefined);
  }
  return new FilterError(error instanceof Error ? error.message : String(error));
}

/**
 * Built eagerly: lazy getters measured slower here (cel-js reads a variable more than once), and
 * the value is decoded and parsed once per record anyway through the shared view.
 */
function celContext(view: RecordView) {
  const { record } = view;
  const headers = new Map<string, string>();
  record.headers.forEach((header, i) => headers.set(header.key, view.headerTexts[i] ?? ''));
  return {
    key: view.keyText,
    value: view.valueData,
    headers,
    partition: BigInt(record.partition),
    offset: BigInt(record.offset),
    timestamp: BigInt(record.timestamp),
    topic: record.topic,
  };
}
