import { describe, expect, it } from 'vitest';
import { groupRecords, requestWindow, WINDOW_AFTER_MS, WINDOW_BEFORE_MS, windowStart } from '../../../../extension/src/devtools/correlation-window';
import { fakeRecord } from '../records';

const request = { startedAt: 1_800_000_000_000, durationMs: 120 };
const window = requestWindow(request);
const at = (delay: number, offset: number, text: string, partition = 0) => fakeRecord({ offset: String(offset), partition, timestamp: String(request.startedAt + delay), value: { encoding: 'json', text, size: text.length } });

describe('request windows', () => {
  it('open a little before the start and close a little after the end; the tail starts at the opening', () => {
    expect(window).toEqual({ from: request.startedAt - WINDOW_BEFORE_MS, to: request.startedAt + 120 + WINDOW_AFTER_MS });
    expect(windowStart(window)).toEqual({ from: 'timestamp', timestamp: String(request.startedAt - WINDOW_BEFORE_MS) });
    expect(requestWindow({ startedAt: 500, durationMs: 0 }).from).toBe(0);
  });
});

describe('grouping records under a request', () => {
  it('keeps records carrying an id, in the window, in time order with the delay, without duplicates', () => {
    const ids = ['req-abcdef'];
    let group = groupRecords([], [at(300, 5, '{"r":"req-abcdef"}'), at(-500, 4, '{"r":"req-abcdef"}', 1), at(80, 6, '{"r":"other-request"}')], request, ids, window);
    group = groupRecords(group, [at(300, 5, '{"r":"req-abcdef"}'), at(WINDOW_AFTER_MS + 500, 7, '{"r":"req-abcdef"}'), at(150, 8, '{"r":"req-abcdef"}', 2)], request, ids, window);
    expect(group.map((c) => [c.delayMs, c.record.partition, c.record.offset])).toEqual([
      [-500, 1, '4'],
      [150, 2, '8'],
      [300, 0, '5'],
    ]);
    expect(group[0]!.matched).toEqual(['req-abcdef']);
  });

  it('returns the same group when nothing new belongs to it', () => {
    const group = groupRecords([], [at(10, 1, '{"r":"req-abcdef"}')], request, ['req-abcdef'], window);
    expect(groupRecords(group, [at(10, 1, '{"r":"req-abcdef"}'), at(10, 2, '{}')], request, ['req-abcdef'], window)).toBe(group);
  });
});
