import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiSearcher } from '../../../../companion/src/filter/ascii-search';

/** The meaning it must keep: the old text filter, a literal case-insensitive regex over the decoded text. */
const reference = (needle: string, haystack: Buffer) =>
  new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu').test(haystack.toString('utf8'));

describe('asciiSearcher', () => {
  it.each([
    ['customer-4', 'Customer-42', true],
    ['CUSTOMER', 'a customer', true],
    ['"currency":"eur"', '{"currency":"EUR"}', true],
    ['eur', 'EU R', false],
    ['abc', 'ab', false],
    ['a', '', false],
    ['needle', 'xxneedl', false],
    ['needle', 'NEEDLE', true],
    ['z{', 'Z{', true],
    ['[', 'Z{', false],
  ])('%j in %j: %s', (needle, haystack, found) => {
    expect(asciiSearcher(needle)(Buffer.from(haystack))).toBe(found);
  });

  it('finds ASCII text between binary and multi-byte UTF-8 bytes, and never matches inside them', () => {
    const haystack = Buffer.concat([Buffer.from([0xff, 0x00, 0xc3, 0xa9]), Buffer.from('NeedLE'), Buffer.from('été')]);
    expect(asciiSearcher('needle')(haystack)).toBe(true);
    expect(asciiSearcher('e')(Buffer.from('ÉÈÊé'))).toBe(false);
    expect(asciiSearcher('a')(Buffer.from([0xc3, 0xa1, 0xe1, 0xc1]))).toBe(false);
  });

  it('agrees with a case-insensitive search of the decoded text, on any ASCII needle and any bytes', () => {
    const alphabet = fc.constantFrom(...'aAbBkK-" {}01é\u00ff'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abAB-k{1'.split('')), minLength: 1, maxLength: 4 }), fc.array(fc.oneof(alphabet, fc.constant('\ud83d\ude00')), { maxLength: 40 }), fc.uint8Array({ maxLength: 8 }), (needle, parts, noise) => {
        const haystack = Buffer.concat([Buffer.from(noise), Buffer.from(parts.join(''))]);
        // The Kelvin sign folds to k in Unicode; it is not in the alphabet: the one known difference.
        expect(asciiSearcher(needle)(haystack)).toBe(reference(needle, haystack));
      }),
      { numRuns: 2000 },
    );
  });
});
