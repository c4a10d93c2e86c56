import { describe, expect, it } from 'vitest';
import { startOffset } from '../../../../companion/src/kafka/start-offsets';

describe('startOffset', () => {
  it.each([
    [{ from: 'latest' as const }, '100'],
    [{ from: 'earliest' as const }, '10'],
    [{ from: 'offset' as const, offset: '50' }, '50'],
    [{ from: 'offset' as const, offset: '5' }, '10'],
    [{ from: 'offset' as const, offset: '9223372036854775807' }, '100'],
    [{ from: 'lastN' as const, count: 30 }, '70'],
    [{ from: 'lastN' as const, count: 1000 }, '10'],
    [{ from: 'positions' as const, positions: { '3': '42' } }, '42'],
    [{ from: 'positions' as const, positions: { '4': '42' } }, '100'],
  ])('%j on partition 3 with low 10, high 100 -> %s', (start, expected) => {
    expect(startOffset(start, 3, '10', '100')).toBe(expected);
  });

  it('uses the ListOffsets answer for a timestamp, or the end when there is no later record (-1)', () => {
    expect(startOffset({ from: 'timestamp', timestamp: 1 }, 0, '10', '100', '64')).toBe('64');
    expect(startOffset({ from: 'timestamp', timestamp: 1 }, 0, '10', '100', '-1')).toBe('100');
  });
});
