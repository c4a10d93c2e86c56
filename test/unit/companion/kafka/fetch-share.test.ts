import { describe, expect, it } from 'vitest';
import { FETCH_BUDGET_BYTES, fetchShare } from '../../../../companion/src/kafka/fetch-share';

describe('fetchShare', () => {
  it('gives a lone tail 4 MiB per Fetch, half of it per partition', () => {
    expect(fetchShare(1)).toEqual({ maxBytes: 4 * 1024 * 1024, maxBytesPerPartition: 2 * 1024 * 1024 });
    expect(fetchShare(0)).toEqual(fetchShare(1));
  });

  it('splits the budget once more than one tail is open, so their total stays bounded', () => {
    // Up to where the 128 KiB floor takes over (32 tails with a 4 MiB budget).
    for (const tails of [2, 4, 8, 20, 32]) {
      const { maxBytes, maxBytesPerPartition } = fetchShare(tails);
      expect(maxBytes * tails).toBeLessThanOrEqual(FETCH_BUDGET_BYTES);
      expect(maxBytesPerPartition).toBeLessThanOrEqual(maxBytes);
    }
    expect(fetchShare(20).maxBytes).toBe(Math.floor(FETCH_BUDGET_BYTES / 20));
  });

  it('never goes under 128 KiB, so hundreds of tails still make progress', () => {
    expect(fetchShare(1000)).toEqual({ maxBytes: 128 * 1024, maxBytesPerPartition: 128 * 1024 });
  });
});
