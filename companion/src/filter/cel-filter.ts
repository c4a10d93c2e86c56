import { ParseError, TypeError as CelTypeError } from '@marcbachmann/cel-js';
import { meterComprehensions, RE2_MATCHES, walkFilterAst } from './cel-ast';
import { CEL_LIMITS, type CelLimits, meter } from './cel-cost';
import { filterEnvironment } from './cel-environment';
import { FilterError } from './filter-error';
import type { RecordView } from './record-view';

/**
 * Parses and type-checks once, at tailStart, so a bad expression is an INVALID_FILTER reply rather
 * than a silent stream of non-matches. Per record, any evaluation error (a missing field, a type
 * mismatch on this record's JSON) and any non-boolean result mean "no match": one odd record never
 * ends a tail. Going over the cost limits (cel-cost.ts) is different: the predicate throws a
 * FilterError naming the record, and the stream ends with INVALID_FILTER, since every later
 * record like it would silently not match.
 */
export function celPredicate(expression: string, limits: CelLimits = CEL_LIMITS): (view: RecordView) => boolean {
  const { evaluate, variables } = compile(expression);
  const context = contextBuilder(variables);
  return (view) => {
    meter.start(limits);
    let result: unknown;
    try {
      result = evaluate(context(view));
    } catch {
      result = false;
    }
    if (meter.exceeded) {
      const { partition, offset } = view.record;
      throw new FilterError(`the filter went over its cost limit on the record at partition ${partition} offset ${offset} (${meter.exceeded}); simplify it`);
    }
    return result === true;
  };
}

function compile(expression: string) {
  let parsed;
  try {
    parsed = filterEnvironment.parse(expression);
  } catch (error) {
    throw filterError(error);
  }
  // Before the type check: it resolves `matches` to the RE2 overload by its new name.
  const { variables, comprehensions } = walkFilterAst(parsed.ast);
  const checked = parsed.check();
  if (!checked.valid) throw filterError(checked.error);
  // dyn stays allowed (`value.flag`): it may be a bool at run time; anything else never can be.
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    throw new FilterError(`the filter must be a condition (bool), but this expression gives ${checked.type}`);
  }
  meterComprehensions(comprehensions, () => meter.step());
  return { evaluate: parsed, variables };
}

function filterError(error: unknown): FilterError {
  const message = (error instanceof Error ? error.message : String(error)).replaceAll(RE2_MATCHES, 'matches');
  if (error instanceof ParseError || error instanceof CelTypeError) {
    const { range } = error;
    return new FilterError(message, range ? { range: { start: range.start, end: range.end } } : undefined);
  }
  return new FilterError(message);
}

/**
 * Only the variables the expression reads are computed, each from the record's shared view: a
 * filter on `partition` or `key` never decodes the value, let alone parses its JSON. Built
 * eagerly per record: lazy getters measured slower (cel-js reads a variable more than once).
 */
function contextBuilder(variables: Set<string>): (view: RecordView) => Record<string, unknown> {
  const readers: Array<[string, (view: RecordView) => unknown]> = [];
  const reads = (name: string, read: (view: RecordView) => unknown) => variables.has(name) && readers.push([name, read]);
  reads('key', (view) => view.keyText);
  reads('value', (view) => view.valueData);
  reads('headers', headersOf);
  reads('partition', (view) => BigInt(view.record.partition));
  reads('offset', (view) => BigInt(view.record.offset));
  reads('timestamp', (view) => BigInt(view.record.timestamp));
  reads('topic', (view) => view.record.topic);
  return (view) => {
    const context: Record<string, unknown> = {};
    for (const [name, read] of readers) context[name] = read(view);
    return context;
  };
}

function headersOf(view: RecordView): Map<string, string> {
  const headers = new Map<string, string>();
  view.record.headers.forEach((header, i) => headers.set(header.key, view.headerTexts[i] ?? ''));
  return headers;
}
