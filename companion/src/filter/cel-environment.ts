import { Environment } from '@marcbachmann/cel-js';
import { RE2_MATCHES } from './cel-ast';
import { meter } from './cel-cost';
import { cachedRegex } from './regex';

/**
 * The variables a tail filter sees (shared/src/tail.ts documents them for clients).
 *
 * Numbers: CEL keeps int (BigInt here) and double apart. `partition`, `offset` and `timestamp` are
 * ints, but JSON numbers in `value` arrive from JSON.parse as doubles, so:
 * - comparisons mix freely, as the CEL spec orders numbers across types:
 *   `value.amount > 100` and `value.amount == 150` work for {"amount":150};
 * - arithmetic does not: `value.amount + 1` has no (double, int) overload and fails at run time,
 *   so the record does not match; write `value.amount + 1.0` or `int(value.amount) + 1`;
 * - JSON integers past 2^53 lose precision, as in any JavaScript JSON.parse.
 * Missing fields fail at run time (`value.missing == 1`): no match; `has(value.missing)` tests.
 */
export const filterEnvironment = new Environment({
  // Parse-time bounds: the schema already caps the source at 4000 characters.
  limits: { maxAstNodes: 2000, maxDepth: 64, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 },
})
  .registerVariable('key', 'dyn', { description: 'record key as UTF-8 text, null when absent' })
  .registerVariable('value', 'dyn', { description: 'parsed JSON object or array, else the text; null for a tombstone' })
  .registerVariable('headers', 'map<string, string>', { description: 'header name to UTF-8 value ("" for a null value); a repeated name keeps its last value' })
  .registerVariable('partition', 'int')
  .registerVariable('offset', 'int')
  .registerVariable('timestamp', 'int', { description: 'ms since the epoch' })
  .registerVariable('topic', 'string')
  // cel-js's own `matches` runs a backtracking RegExp and cannot be replaced (a second overload of
  // the same signature is refused), so compiled filters call this one instead (cel-ast.ts renames).
  .registerFunction(`string.${RE2_MATCHES}(string): bool`, re2Matches)
  // The spec's global form too, matches(text, pattern), which cel-js leaves out.
  .registerFunction(`${RE2_MATCHES}(string, string): bool`, re2Matches);

function re2Matches(text: string, pattern: string): boolean {
  meter.scan(text.length);
  return cachedRegex(pattern).test(text);
}
