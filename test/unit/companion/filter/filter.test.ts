import { describe, expect, it } from 'vitest';
import { compileFilter, FilterError } from '../../../../companion/src/filter/filter';
import { fakeRecord } from '../codec/fake-record';

const order = fakeRecord({
  topic: 'orders',
  partition: 2,
  offset: '1234',
  timestamp: '1700000000123',
  key: 'Customer-42',
  value: JSON.stringify({ amount: 150, currency: 'EUR', items: [{ sku: 'A-1', qty: 2 }], note: null, paid: true }),
  headers: { source: 'web', 'X-Trace-Id': 'abc123', empty: null },
});

describe('compileFilter without a filter', () => {
  it.each([undefined, {}, { text: '' }, { cel: '  ' }])('matches every record for %j', (filter) => {
    expect(compileFilter(filter)(order)).toBe(true);
    expect(compileFilter(filter)(fakeRecord({ key: null, value: null }))).toBe(true);
  });
});

describe('text filter', () => {
  it.each([
    ['the key', 'customer-4'],
    ['the value', '"currency":"eur"'],
    ['a header name', 'x-trace'],
    ['a header value', 'ABC1'],
  ])('finds a substring in %s, ignoring case', (_where, text) => {
    expect(compileFilter({ text })(order)).toBe(true);
  });

  it('misses text that is nowhere in the record', () => {
    expect(compileFilter({ text: 'usd' })(order)).toBe(false);
  });

  it('treats regex characters literally', () => {
    const record = fakeRecord({ value: 'price (net) is 3.50 $' });
    expect(compileFilter({ text: '(net) is 3.5' })(record)).toBe(true);
    expect(compileFilter({ text: '3.5.' })(record)).toBe(false);
    expect(compileFilter({ text: '.*' })(record)).toBe(false);
  });

  it('folds non-ASCII case', () => {
    expect(compileFilter({ text: 'ÉTÉ' })(fakeRecord({ value: 'un été chaud' }))).toBe(true);
  });

  it('finds ASCII text inside a binary value', () => {
    const value = Buffer.concat([Buffer.from([0xff, 0x00]), Buffer.from('needle'), Buffer.from([0xfe])]);
    expect(compileFilter({ text: 'NEEDLE' })(fakeRecord({ value }))).toBe(true);
  });

  it('copes with a null key, tombstone and null header value', () => {
    const record = fakeRecord({ key: null, value: null, headers: { h: null } });
    expect(compileFilter({ text: 'h' })(record)).toBe(true);
    expect(compileFilter({ text: 'x' })(record)).toBe(false);
  });
});

describe('CEL filter', () => {
  const matches = (cel: string, record = order) => compileFilter({ cel })(record);

  it('reads JSON fields and headers', () => {
    expect(matches("value.amount > 100 && headers['source'] == 'web'")).toBe(true);
    expect(matches("value.amount > 200 && headers['source'] == 'web'")).toBe(false);
    expect(matches("value.items[0].sku == 'A-1' && value.items.size() == 1")).toBe(true);
    expect(matches('value.note == null && value.paid')).toBe(true);
  });

  it('reads the key and record coordinates', () => {
    expect(matches("key.startsWith('Customer-')")).toBe(true);
    expect(matches("topic == 'orders' && partition == 2 && offset >= 1234 && offset < 1235")).toBe(true);
    expect(matches('timestamp == 1700000000123')).toBe(true);
    expect(matches('partition == 3')).toBe(false);
  });

  it('compares 64-bit offsets exactly', () => {
    const record = fakeRecord({ offset: '9007199254740993' });
    expect(matches('offset == 9007199254740993', record)).toBe(true);
    expect(matches('offset == 9007199254740992', record)).toBe(false);
  });

  it('sees a non-JSON value as text and a tombstone as null', () => {
    expect(matches("value.contains('plain')", fakeRecord({ value: 'just plain text' }))).toBe(true);
    expect(matches("value.startsWith('{')", fakeRecord({ value: '{not json' }))).toBe(true);
    expect(matches('value == null', fakeRecord({ value: null }))).toBe(true);
    expect(matches('key == null', fakeRecord({ key: null }))).toBe(true);
  });

  it('documents how JSON numbers (doubles) meet CEL ints', () => {
    expect(matches('value.amount == 150')).toBe(true);
    expect(matches('value.amount > 100.5')).toBe(true);
    // No (double, int) overload for +: a run-time error, so no match; 1.0 or int() fixes it.
    expect(matches('value.amount + 1 == 151')).toBe(false);
    expect(matches('value.amount + 1.0 == 151.0')).toBe(true);
    expect(matches('int(value.amount) + 1 == 151')).toBe(true);
  });

  it('gives a null header value as "" and lets the last repeated header win', () => {
    const record = fakeRecord({ headers: [['h', 'first'], ['h', 'last'], ['n', null]] });
    expect(matches("headers['h'] == 'last' && headers['n'] == ''", record)).toBe(true);
  });

  it('treats run-time errors as no match, never throwing', () => {
    const predicate = compileFilter({ cel: 'value.missing == 1' });
    expect(predicate(order)).toBe(false);
    expect(compileFilter({ cel: "headers['absent'] == 'x'" })(order)).toBe(false);
    expect(compileFilter({ cel: 'value.amount > 1' })(fakeRecord({ value: 'text' }))).toBe(false);
    expect(compileFilter({ cel: "key.startsWith('a')" })(fakeRecord({ key: null }))).toBe(false);
    expect(compileFilter({ cel: 'has(value.missing) || value.amount == 150' })(order)).toBe(true);
  });

  it('counts only a true result as a match', () => {
    expect(matches('value.currency')).toBe(false);
    expect(matches('value.paid')).toBe(true);
  });

  it.each([
    ['a syntax error', 'value.amount >', /Unexpected token/],
    ['an unknown variable', 'amount > 100', /Unknown variable: amount/],
    ['a type error', "partition == 'two'", /no such overload/],
    ['a non-boolean result', 'partition + 1', /must be a condition \(bool\)/],
    ['a backreference', "key.matches('(a)\\\\1')", /backreferences are not supported/],
    ['a lookahead', "key.matches('a(?=b)')", /lookahead and lookbehind are not supported/],
    ['a pattern RE2 rejects', "key.matches('a{2,1}')", /not an RE2 regular expression \(.*invalid repeat count/],
    ['a computed regex', 'key.matches(value.currency)', /string literal pattern/],
  ])('rejects %s with a FilterError', (_name, cel, message) => {
    expect(() => compileFilter({ cel })).toThrow(FilterError);
    expect(() => compileFilter({ cel })).toThrow(message);
  });

  it('points at the offending part of the expression', () => {
    try {
      compileFilter({ cel: 'key == 1 +' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FilterError);
      expect((error as FilterError).details?.range).toEqual({ start: expect.any(Number), end: expect.any(Number) });
    }
  });

  it('allows safe regexes', () => {
    expect(matches("key.matches('^Customer-[0-9]+$') && !key.matches('^customer')")).toBe(true);
  });

  it('runs patterns as RE2: its syntax, unanchored search, and no backtracking shapes refused', () => {
    expect(matches("key.matches('(?i)customer')")).toBe(true);
    expect(matches("key.matches('[[:digit:]]+')")).toBe(true);
    expect(matches("key.matches('\\\\pL+-\\\\d')")).toBe(true);
    expect(matches("key.matches('^42')")).toBe(false);
    expect(matches("matches(key, '^Customer-4[0-9]$') && !matches(key, '^x')")).toBe(true);
    // Safe in RE2, refused by the old backtracking guard.
    expect(matches("value.currency.matches('(E+)+R$')")).toBe(false);
    expect(matches("value.currency.matches('^(E|U)+R$')")).toBe(true);
  });

  it('points at the pattern RE2 refuses, and says matches() even though it runs under another name', () => {
    const cel = "key.startsWith('C') && key.matches('(a)\\\\1')";
    try {
      compileFilter({ cel });
      expect.unreachable();
    } catch (error) {
      const { range } = (error as FilterError).details ?? {};
      expect(cel.slice(range!.start, range!.end)).toBe("'(a)\\\\1'");
    }
    expect(() => compileFilter({ cel: 'partition.matches("x")' })).toThrow(/'int\.matches\(string\)'/);
  });
});

describe('text and CEL together', () => {
  it('requires both to match', () => {
    expect(compileFilter({ text: 'eur', cel: 'value.amount > 100' })(order)).toBe(true);
    expect(compileFilter({ text: 'usd', cel: 'value.amount > 100' })(order)).toBe(false);
    expect(compileFilter({ text: 'eur', cel: 'value.amount > 1000' })(order)).toBe(false);
  });

  it('parses the value once per record however many parts read it', () => {
    const parse = JSON.parse;
    let calls = 0;
    JSON.parse = ((...args: Parameters<typeof JSON.parse>) => {
      calls++;
      return parse(...args);
    }) as typeof JSON.parse;
    try {
      expect(compileFilter({ text: 'eur', cel: "value.amount > 100 && value.currency == 'EUR'" })(order)).toBe(true);
    } finally {
      JSON.parse = parse;
    }
    expect(calls).toBe(1);
  });
});
