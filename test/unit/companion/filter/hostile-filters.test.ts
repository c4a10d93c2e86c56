import { describe, expect, it } from 'vitest';
import { celPredicate } from '../../../../companion/src/filter/cel-filter';
import { compileFilter, FilterError } from '../../../../companion/src/filter/filter';
import { RecordView } from '../../../../companion/src/filter/record-view';
import { fakeRecord } from '../codec/fake-record';

/**
 * Issue 10's hostile filters, one record each. With JavaScript's backtracking RegExp each of the
 * patterns below takes seconds on a 31-character value and never ends on 10 KB; RE2 is linear. The
 * bound is generous for a loaded machine (the work itself takes a few ms) and still far below
 * what backtracking or an unmetered evaluation takes.
 */
const BOUND_MS = 200;

/**
 * Runs `run` a few times and keeps the fastest: the first calls compile re2js's and V8's code, and
 * on a loaded machine any one run may be descheduled. Unbounded work would be slow on every run.
 */
function timed(run: () => unknown): { ms: number; result: unknown } {
  let best = Infinity;
  let result: unknown;
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    try {
      result = run();
    } catch (error) {
      result = error;
    }
    if (i > 0) best = Math.min(best, performance.now() - started);
  }
  return { ms: best, result };
}

const A10K = 'a'.repeat(10_000);

describe('regular expressions run in linear time (RE2)', () => {
  it.each([
    ['^(a|a)*$', `${A10K}!`],
    ['(a|aa)+$', `${A10K}!`],
    ['(a|ab)*c', `${'ab'.repeat(5_000)}!`],
    [String.raw`(\w|\d)+$`, `${'a1'.repeat(5_000)}!`],
    ['^(a?){25}a{25}$', A10K],
    ['(a+)+$', `${A10K}!`],
    ['.*.*.*.*x', A10K],
  ])('%s on 10 KB finishes within the bound, and does not match', (pattern, text) => {
    const predicate = compileFilter({ cel: `value.matches(${JSON.stringify(pattern)})` });
    const { ms, result } = timed(() => predicate(fakeRecord({ value: text })));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('still matches what they describe', () => {
    const matches = (pattern: string, text: string) => compileFilter({ cel: `value.matches(${JSON.stringify(pattern)})` })(fakeRecord({ value: text }));
    expect(matches('^(a|a)*$', A10K)).toBe(true);
    expect(matches('(a|aa)+$', `b${A10K}`)).toBe(true);
    expect(matches('(a|ab)*c', `${'ab'.repeat(5_000)}c`)).toBe(true);
    expect(matches('^(a?){25}a{25}$', 'a'.repeat(25))).toBe(true);
  });
});

describe('CEL evaluation has a cost limit', () => {
  const numbers = JSON.stringify(Array.from({ length: 1000 }, (_, i) => i));

  it('stops three nested comprehensions (10^9 steps) within the bound, with a FilterError naming the record', () => {
    const predicate = compileFilter({ cel: 'value.all(a, value.all(b, value.all(c, a + b + c >= 0.0)))' });
    const { ms, result } = timed(() => predicate(fakeRecord({ value: numbers, partition: 3, offset: '41' })));
    expect(result).toBeInstanceOf(FilterError);
    expect((result as FilterError).message).toMatch(/cost limit on the record at partition 3 offset 41 \(more than 50,000 comprehension steps\)/);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('is not fooled by exists() swallowing the error of one element, nor by || absorbing it', () => {
    const predicate = compileFilter({ cel: 'true || value.exists(a, value.exists(b, value.exists(c, a + b + c < 0.0)))' });
    const { ms, result } = timed(() => predicate(fakeRecord({ value: numbers })));
    // `true ||` short-circuits: nothing runs, nothing is charged.
    expect(result).toBe(true);
    const swallowed = compileFilter({ cel: 'value.exists(a, value.exists(b, value.exists(c, a + b + c < 0.0)))' });
    const second = timed(() => swallowed(fakeRecord({ value: numbers })));
    expect(second.result).toBeInstanceOf(FilterError);
    expect(ms + second.ms).toBeLessThan(BOUND_MS);
  });

  it('limits the text given to matches() in a loop', () => {
    const predicate = compileFilter({ cel: "value.exists(a, value.exists(b, key.matches('needle')))" });
    const { ms, result } = timed(() => predicate(fakeRecord({ key: 'k'.repeat(100_000), value: numbers })));
    expect((result as FilterError).message).toMatch(/more than 10,000,000 characters through matches\(\)/);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('stops work the meter cannot see (long strings built in a loop) by the clock', () => {
    const predicate = celPredicate("value.exists(a, value.exists(b, (key + key).contains('needle')))", { comprehensionSteps: 1e9, regexChars: 1e9, wallMs: 50 });
    const view = () => new RecordView(fakeRecord({ key: 'k'.repeat(100_000), value: numbers }));
    const { ms, result } = timed(() => predicate(view()));
    expect((result as FilterError).message).toMatch(/more than 50 ms/);
    expect(ms).toBeLessThan(BOUND_MS + 50);
  });

  it('lets ordinary comprehensions run, and charges each record afresh', () => {
    const predicate = compileFilter({ cel: 'value.exists(a, value.exists(b, a == 99.0 && b == 99.0))' });
    const record = fakeRecord({ value: JSON.stringify(Array.from({ length: 300 }, (_, i) => i)) });
    for (let i = 0; i < 5; i++) expect(predicate(record)).toBe(true);
    expect(compileFilter({ cel: 'value.map(a, a * 2.0).filter(a, a > 10.0).size() == 294' })(record)).toBe(true);
  });
});
