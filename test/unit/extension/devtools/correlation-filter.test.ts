import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { celPredicate } from '../../../../companion/src/filter/cel-filter';
import { RecordView } from '../../../../companion/src/filter/record-view';
import { filterEnvironment } from '../../../../companion/src/filter/cel-environment';
import { celString, correlationCel } from '../../../../extension/src/devtools/correlation-filter';

/**
 * The expression the panel builds, run by the companion's own CEL filter: what matches there is
 * what the panel asked for.
 */
const window = { from: 1000, to: 2000 };
const view = (r: { key?: string | null; value?: string | null; headers?: Record<string, string>; timestamp?: number }) =>
  new RecordView({
    topic: 't',
    partition: 0,
    offset: '1',
    timestamp: String(r.timestamp ?? 1500),
    key: r.key == null ? null : Buffer.from(r.key),
    value: r.value == null ? null : Buffer.from(r.value),
    headers: Object.entries(r.headers ?? {}).map(([key, value]) => ({ key, value: Buffer.from(value) })),
  } as never);

describe('the CEL built from ids', () => {
  const matches = celPredicate(correlationCel(['req-123456', '4bf92f3577b34da6a3ce929d0e0e4736'], window));

  it('matches an id in a header value, the key, a text value or a JSON field two levels deep', () => {
    expect(matches(view({ headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } }))).toBe(true);
    expect(matches(view({ key: 'req-123456' }))).toBe(true);
    expect(matches(view({ value: 'payment for req-123456 done' }))).toBe(true);
    expect(matches(view({ value: JSON.stringify({ requestId: 'req-123456' }) }))).toBe(true);
    expect(matches(view({ value: JSON.stringify({ meta: { requestId: 'req-123456' } }) }))).toBe(true);
  });

  it('does not match other ids, other shapes, or records outside the window', () => {
    expect(matches(view({ headers: { traceparent: '00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-00f067aa0ba902b7-01' }, key: 'req-999999' }))).toBe(false);
    expect(matches(view({ value: JSON.stringify([1, 'x']) }))).toBe(false);
    expect(matches(view({ value: JSON.stringify({ n: 5, nested: { deeper: { id: 'nope' } } }) }))).toBe(false);
    expect(matches(view({ key: 'req-123456', timestamp: 999 }))).toBe(false);
    expect(matches(view({ key: 'req-123456', timestamp: 2001 }))).toBe(false);
    expect(matches(view({ key: 'req-123456', timestamp: 2000 }))).toBe(true);
  });

  it('an id with quotes, backslashes or control characters stays one string literal', () => {
    const nasty = 'a" || true || "\\x\n\u0000é😀';
    const expression = correlationCel([nasty], window);
    const parsed = filterEnvironment.parse(expression);
    expect(parsed.check().valid).toBe(true);
    const only = celPredicate(expression);
    expect(only(view({ key: 'something else' }))).toBe(false);
    expect(only(view({ key: `..${nasty}..` }))).toBe(true);
  });

  it('any id round-trips through a CEL string literal unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (id) => {
        const literal = filterEnvironment.parse(celString(id));
        expect(literal({})).toBe(id);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to build a filter with no ids (it would match every record)', () => {
    expect(() => correlationCel([], window)).toThrow(/no ids/);
  });
});
