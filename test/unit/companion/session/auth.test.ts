import { describe, expect, it } from 'vitest';
import { FailedPairings, tokenMatches } from '../../../../companion/src/session/auth';

describe('tokenMatches', () => {
  it('accepts the exact token only', () => {
    expect(tokenMatches('s3cret-token', 's3cret-token')).toBe(true);
    expect(tokenMatches('s3cret-token', 's3cret-tokeN')).toBe(false);
    expect(tokenMatches('s3cret-token', 's3cret-token ')).toBe(false);
    expect(tokenMatches('s3cret-token', '')).toBe(false);
  });

  it('compares digests of equal length whatever the guess length (no early exit on length)', () => {
    expect(() => tokenMatches('short', 'x'.repeat(10_000))).not.toThrow();
  });
});

describe('FailedPairings', () => {
  it('doubles the delay per failure up to 3 s and resets on success', () => {
    const pairings = new FailedPairings();
    expect([1, 2, 3, 4, 5, 6].map(() => pairings.fail())).toEqual([300, 600, 1200, 2400, 3000, 3000]);
    pairings.succeed();
    expect(pairings.fail()).toBe(300);
  });
});
