import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchPrefilter, celRequirements } from '../../../../companion/src/filter/batch-prefilter';
import { compileFilter, type RecordPredicate } from '../../../../companion/src/filter/filter';
import { DEFAULT_RECORD_CAPS } from '../../../../companion/src/kafka/gateway';
import { type FetchedPartition, readPartition } from '../../../../companion/src/kafka/partition-read';
import { encodeBatch, type TestRecord } from '../kafka/batch-builder';

const partitionOf = (records: Buffer): FetchedPartition => ({ partition: 0, errorCode: 0, highWatermark: '1000', lastStableOffset: '-1', abortedTransactions: [], records });

/**
 * Encodes the batches one after another, reads them with and without the batch test, and checks
 * the same records match, every record is either decoded or counted as passed, and the reader
 * moves to the same next offset.
 */
function expectSameMatches(batches: TestRecord[][], predicate: RecordPredicate, mayMatch: (batch: Buffer) => boolean) {
  let base = 0;
  const bytes = Buffer.concat(
    batches.map((records) => {
      const batch = encodeBatch({ baseOffset: base, records: records.map((r, i): TestRecord => ({ ...r, offsetDelta: i })) });
      base += records.length;
      return batch;
    }),
  );
  const plain = readPartition('t', '0', partitionOf(bytes), DEFAULT_RECORD_CAPS);
  const filtered = readPartition('t', '0', partitionOf(bytes), DEFAULT_RECORD_CAPS, mayMatch);
  const matching = (records: typeof plain.records) => records.filter(predicate).map((r) => r.offset);
  expect(matching(filtered.records)).toEqual(matching(plain.records));
  expect(filtered.records.length + filtered.passed).toBe(base);
  expect(filtered.next).toBe(plain.next);
}

describe('batchPrefilter', () => {
  it('has nothing to test without an ASCII text needle or a CEL literal, or when values are decoded before filtering', () => {
    expect(batchPrefilter(undefined, false)).toBeNull();
    expect(batchPrefilter({ cel: 'true' }, false)).toBeNull();
    expect(batchPrefilter({ cel: 'value.type == "order"' }, true)).toBeNull();
    expect(batchPrefilter({ text: 'Grüße' }, false)).toBeNull();
    expect(batchPrefilter({ text: 'order' }, true)).toBeNull();
  });

  it('passes a batch holding the needle in any case, and rules out one without it', () => {
    const mayMatch = batchPrefilter({ text: 'Order.7F3a' }, false)!;
    expect(mayMatch(Buffer.from('{"type":"order.7f3a"}'))).toBe(true);
    expect(mayMatch(Buffer.from('{"type":"order.7f3b"}'))).toBe(false);
  });

  it('reads the same matching records with and without it, in every field and across batches (property)', () => {
    const needle = 'ab.c';
    const predicate = compileFilter({ text: needle });
    const mayMatch = batchPrefilter({ text: needle }, false)!;
    // Fields drawn from an alphabet around the needle, so hits, near misses and hits that span two
    // fields (a false hit for the batch test) all occur.
    const field = fc.oneof(fc.constant(null), fc.stringMatching(/^[aAbB.cC x]{0,8}$/));
    const record = fc.record({ key: field, value: field, headers: fc.array(fc.tuple(fc.stringMatching(/^[aAbB.cC]{1,5}$/), field), { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(fc.array(record, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (batches) => expectSameMatches(batches, predicate, mayMatch)),
      { numRuns: 300 },
    );
  });

  it('decodes a batch that starts before the fetch offset, so only records from the offset on are counted', () => {
    const bytes = encodeBatch({ baseOffset: 0, records: [{ value: 'x' }, { value: 'y', offsetDelta: 1 }, { value: 'z', offsetDelta: 2 }] });
    const read = readPartition('t', '1', partitionOf(bytes), DEFAULT_RECORD_CAPS, () => false);
    expect({ records: read.records.map((r) => r.offset), passed: read.passed }).toEqual({ records: ['1', '2'], passed: 0 });
  });

  it.each([
    ['value.type == "order.7f3a"', [['order.7f3a']]],
    ['"x" == key', [['x']]],
    ['headers["trace"] == "t1" && value.items[0].id.startsWith("ab")', [['t1'], ['ab']]],
    ['value.s.contains("c") || "z" in value.tags', [['c', 'z']]],
    ['key.endsWith("k") && partition == 0', [['k']]],
  ])('CEL %s requires %j in the bytes', (expression, clauses) => {
    expect(celRequirements(expression)).toEqual(clauses);
  });

  it.each([
    'topic == "orders"',
    'string(value.n) == "12"',
    '!(value.type == "x")',
    'value.n == 12',
    'value.type == "x" || partition == 1',
    'value.type.matches("^x$")',
    'value.type == ""',
    'has(value.type)',
    'value.type ==',
  ])('CEL %s requires nothing', (expression) => {
    expect(celRequirements(expression)).toEqual([]);
  });

  it('reads the same CEL matches with and without it, JSON escapes included (property)', () => {
    const expression = 'value.type == "ab" && key.contains("k")';
    const predicate = compileFilter({ cel: expression });
    const mayMatch = batchPrefilter({ cel: expression }, false)!;
    const typeText = fc.oneof(fc.constantFrom('ab', 'a', 'b', 'abab', '\\u0061b', 'a\\u0062', 'x'), fc.stringMatching(/^[abk]{0,3}$/));
    const record = fc.record({
      key: fc.oneof(fc.constant(null), fc.stringMatching(/^[kab]{0,3}$/)),
      value: fc.oneof(fc.constant(null), typeText.map((t) => `{"type":"${t}"}`), typeText),
    });
    fc.assert(
      fc.property(fc.array(fc.array(record, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (batches) => expectSameMatches(batches, predicate, mayMatch)),
      { numRuns: 300 },
    );
  });

  it('still finds a literal spelled with a JSON escape, by decoding batches that hold one that could spell it', () => {
    const mayMatch = batchPrefilter({ cel: 'value.type == "ab"' }, false)!;
    expect(mayMatch(Buffer.from('{"type":"\\u0061b"}'))).toBe(true);
    expect(mayMatch(Buffer.from('{"type":"aab"}'))).toBe(true);
    expect(mayMatch(Buffer.from('{"type":"a-b"}'))).toBe(false);
    // A slash escape cannot spell "ab"; it can spell "a/b".
    expect(mayMatch(Buffer.from('{"type":"a\\/"}'))).toBe(false);
    const slash = batchPrefilter({ cel: 'value.path == "a/b"' }, false)!;
    expect(slash(Buffer.from('{"path":"a\\/b"}'))).toBe(true);
    expect(JSON.parse('{"path":"a\\/b"}')).toEqual({ path: 'a/b' });
  });

  it('rules out a batch whose framing holds a 0x5c byte (an offset delta of 46) but no escape', () => {
    const records = Array.from({ length: 60 }, (_, i): TestRecord => ({ value: '{"type":"order.created"}', offsetDelta: i }));
    const bytes = encodeBatch({ baseOffset: 0, records });
    expect(bytes.includes(0x5c)).toBe(true);
    const read = readPartition('t', '0', partitionOf(bytes), DEFAULT_RECORD_CAPS, batchPrefilter({ cel: 'value.type == "order.7f3a"' }, false)!);
    expect({ decoded: read.records.length, passed: read.passed }).toEqual({ decoded: 0, passed: 60 });
  });
});
