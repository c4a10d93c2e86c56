import { describe, expect, it } from 'vitest';
import { TailStats } from '../../../../companion/src/session/tail-stats';

describe('TailStats', () => {
  const fresh = () => new TailStats(new Map([[0, '5'], [1, '0']]), [{ partition: 0, high: '9' }, { partition: 1, high: '0' }]);

  it('starts from the reader positions and high watermarks', () => {
    expect(fresh().frame(0, true)).toEqual({ scanned: 0, matched: 0, sent: 0, positions: { 0: '5', 1: '0' }, highWatermarks: { 0: '9', 1: '0' } });
  });

  it('gives a frame only when something changed, unless forced', () => {
    const stats = fresh();
    expect(stats.frame(0, false)).not.toBeNull();
    expect(stats.frame(0, false)).toBeNull();
    expect(stats.frame(0, true)).not.toBeNull();
    stats.sawHighWatermarks(new Map([[1, '3']]));
    expect(stats.frame(0, false)).toMatchObject({ highWatermarks: { 0: '9', 1: '3' } });
    expect(stats.frame(2, false)).toMatchObject({ sent: 2 });
  });

  it('counts scans and moves positions past filtered-out records, then to where the reader got', () => {
    const stats = fresh();
    stats.add({ scanned: 7, matched: 2, positions: { 0: '8' } });
    stats.add({ scanned: 1, matched: 0, positions: { 1: '1' } });
    expect(stats.frame(2, true)).toMatchObject({ scanned: 8, matched: 2, positions: { 0: '8', 1: '1' } });
    stats.reached(new Map([[0, '9']]));
    expect(stats.frame(2, true)?.positions).toEqual({ 0: '9', 1: '1' });
  });

  it('takes the new positions after a seek', () => {
    const stats = fresh();
    stats.add({ scanned: 3, matched: 1, positions: { 0: '8' } });
    stats.resetPositions(new Map([[0, '0'], [1, '0']]));
    expect(stats.frame(1, true)).toMatchObject({ scanned: 3, positions: { 0: '0', 1: '0' } });
  });
});
