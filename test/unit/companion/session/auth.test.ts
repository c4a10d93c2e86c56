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

describe('FailedPairings: one budget for every socket', () => {
  const limits = { burst: 3, perSecond: 1, maxWaiting: 2, baseDelayMs: 300 };

  it('answers a burst after the base delay, then one failure per refill, then RATE_LIMITED (null)', () => {
    let now = 0;
    const pairings = new FailedPairings(limits, () => now);
    expect([1, 2, 3].map(() => pairings.failure())).toEqual([300, 300, 300]);
    expect(pairings.failure()).toBe(1300);
    expect(pairings.failure()).toBe(2300);
    expect(pairings.failure()).toBeNull();
    expect(pairings.retryAfterMs()).toBe(1000);
    now = 1000;
    expect(pairings.failure()).toBe(2300);
    now = 10_000;
    expect(pairings.failure()).toBe(300);
  });

  it('a success does not refill the budget', () => {
    const pairings = new FailedPairings(limits, () => 0);
    [1, 2, 3].forEach(() => pairings.fail());
    pairings.succeed();
    expect(pairings.failure()).toBe(1300);
  });
});
