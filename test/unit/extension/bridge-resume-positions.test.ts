import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import { asWebSocket, FakeSocket } from './fake-socket';

const record = (partition: number, offset: number) => ({
  topic: 'orders', partition, offset: String(offset), timestamp: String(1000 + offset), key: null, value: { encoding: 'text', text: `v${offset}`, size: 2 }, headers: [], size: 2,
});

const stats = (positions: Record<string, string>, counts: { matched: number; sent: number }) => ({
  type: 'stats', streamId: 's1', scanned: 100, ...counts, positions, highWatermarks: positions,
});

/** A filtered tail that drops and reconnects; returns the positions its resumed tailStart asks for. */
async function resumeAfter(frames: unknown[]) {
  vi.useFakeTimers();
  const bridge = new Bridge({ WebSocket: asWebSocket, random: () => 0.5 });
  const welcome = bridge.connect('ws://127.0.0.1:7341/ws', 'tok');
  const first = FakeSocket.latest();
  first.open();
  first.welcome();
  await welcome;
  const started = bridge.startTail({ topic: 'orders', start: { from: 'earliest' }, filter: { text: 'needle' } });
  first.reply('tailStart', { streamId: 's1', topic: 'orders', partitions: [{ partition: 0, offset: '0', low: '0', high: '900' }, { partition: 1, offset: '0', low: '0', high: '900' }] });
  await started;
  for (const frame of frames) first.push(frame);
  first.close(1006, 'gone');
  await vi.advanceTimersByTimeAsync(1_000);
  const second = FakeSocket.latest();
  second.open();
  second.welcome();
  await vi.advanceTimersByTimeAsync(0);
  return second.last('tailStart').start;
}

describe('Bridge resumes a filtered tail from the companion’s scan positions', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(() => vi.useRealTimers());

  it('skips the records the filter already left out, instead of scanning them again', async () => {
    const start = await resumeAfter([
      { type: 'records', streamId: 's1', records: [record(0, 3)] },
      stats({ '0': '500', '1': '420' }, { matched: 1, sent: 1 }),
    ]);
    expect(start).toEqual({ from: 'positions', positions: { '0': '500', '1': '420' } });
  });

  it('keeps to the records held while matches are still unsent, and never moves back', async () => {
    const start = await resumeAfter([
      stats({ '0': '200', '1': '100' }, { matched: 0, sent: 0 }),
      { type: 'records', streamId: 's1', records: [record(0, 250)] },
      // Matched but not yet sent: resuming at 600 could skip a match that never arrived.
      stats({ '0': '600', '1': '300' }, { matched: 2, sent: 1 }),
    ]);
    expect(start).toEqual({ from: 'positions', positions: { '0': '251', '1': '100' } });
  });
});
