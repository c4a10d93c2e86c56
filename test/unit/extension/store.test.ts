import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import { wiredStore } from './wired-store';
import { asWebSocket, FakeSocket, flush } from './fake-socket';
import { fakeRecord } from './records';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
};

/** Stream frames land on the next animation frame (the queue registered its callback first). */
const landed = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

async function pairedStore(storage = memory()) {
  const store = wiredStore(new Bridge({ WebSocket: asWebSocket }), storage);
  const connecting = store.getState().connect('ws://x/ws', 'tok');
  FakeSocket.latest().open();
  FakeSocket.latest().welcome();
  await connecting;
  FakeSocket.latest().reply('listTopics', { topics: [{ name: 'orders', partitions: 2, replicationFactor: 1, messageCount: '10', internal: false }, { name: '__consumer_offsets', partitions: 50, replicationFactor: 1, messageCount: '0', internal: true }] });
  await flush();
  return { store, storage, socket: FakeSocket.latest() };
}

async function tailing() {
  const paired = await pairedStore();
  const started = paired.store.getState().startTail({ topic: 'orders', start: { from: 'earliest' } });
  await flush();
  paired.socket.reply('tailStart', { streamId: 's1', topic: 'orders', partitions: [{ partition: 0, offset: '0', low: '0', high: '5' }] });
  await started;
  return paired;
}

describe('panel store', () => {
  beforeEach(() => FakeSocket.reset());

  it('lists topics on connect; search and the internal toggle work on the client', async () => {
    const { store } = await pairedStore();
    const { visibleTopics } = await import('../../../extension/src/store/topics-slice');
    expect(visibleTopics(store.getState().topics).map((t) => t.name)).toEqual(['orders']);
    store.getState().setShowInternal(true);
    store.getState().setTopicSearch('CONSUMER');
    expect(visibleTopics(store.getState().topics).map((t) => t.name)).toEqual(['__consumer_offsets']);
  });

  it('lands the frames of one animation frame together, in order, with exactly one set', async () => {
    const { store, socket } = await tailing();
    let sets = 0;
    const unsubscribe = store.subscribe(() => sets++);
    for (let frame = 0; frame < 3; frame++) {
      socket.push({ type: 'records', streamId: 's1', records: Array.from({ length: 300 }, (_, i) => fakeRecord({ offset: String(frame * 300 + i), timestamp: String(1000 + frame * 300 + i) })) });
    }
    socket.push({ type: 'stats', streamId: 's1', scanned: 900, matched: 900, sent: 900, positions: {}, highWatermarks: {} });
    expect(sets).toBe(0);
    await landed();
    unsubscribe();
    expect(sets).toBe(1);
    expect(store.getState().tail.records.map((r) => Number(r.offset))).toEqual(Array.from({ length: 900 }, (_, i) => i));
    expect(store.getState().tail.stats).toEqual({ scanned: 900, matched: 900, sent: 900 });
  });

  it('records after `ended` in the same animation frame, or from a replaced tail, are not shown', async () => {
    const { store, socket } = await tailing();
    socket.push({ type: 'records', streamId: 's1', records: [fakeRecord({ offset: '0' })] });
    socket.push({ type: 'status', streamId: 's1', status: 'ended', message: 'limit of 1 records reached' });
    socket.push({ type: 'records', streamId: 's1', records: [fakeRecord({ offset: '1' })] });
    await landed();
    expect(store.getState().tail).toMatchObject({ status: 'ended', handle: null });
    expect(store.getState().tail.records.map((r) => r.offset)).toEqual(['0']);

    const restarted = store.getState().startTail({ topic: 'orders', start: { from: 'latest' } });
    await flush();
    socket.reply('tailStart', { streamId: 's2', topic: 'orders', partitions: [{ partition: 0, offset: '5', low: '0', high: '5' }] });
    await restarted;
    socket.push({ type: 'records', streamId: 's1', records: [fakeRecord({ offset: '2' })] });
    socket.push({ type: 'records', streamId: 's2', records: [fakeRecord({ offset: '5' })] });
    await landed();
    expect(store.getState().tail.records.map((r) => r.offset)).toEqual(['5']);
  });

  it('after a reconnect the store gets a new immutable handle (new stream id), and Pause goes to that stream', async () => {
    const { store, socket } = await tailing();
    const before = store.getState().tail.handle!;
    expect(Object.isFrozen(before)).toBe(true);
    vi.useFakeTimers();
    try {
      socket.close(1006, 'gone');
      await vi.advanceTimersByTimeAsync(10_000);
      const second = FakeSocket.latest();
      expect(second).not.toBe(socket);
      second.open();
      second.welcome();
      await vi.advanceTimersByTimeAsync(0);
      second.reply('tailStart', { streamId: 's7', topic: 'orders', partitions: [] });
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getState().tail.handle).toMatchObject({ key: before.key, streamId: 's7' });
      expect(before.streamId).toBe('s1');
      const pausing = store.getState().pauseTail();
      await vi.advanceTimersByTimeAsync(0);
      expect(second.last('tailPause')).toMatchObject({ streamId: 's7' });
      second.reply('tailPause', { streamId: 's7' });
      await pausing;
    } finally {
      vi.useRealTimers();
    }
  });

  it('bounds the buffer to the preference and shows how many were dropped', async () => {
    const { store, socket } = await tailing();
    store.getState().setPreferences({ bufferSize: 100 });
    socket.push({ type: 'records', streamId: 's1', records: Array.from({ length: 250 }, (_, i) => fakeRecord({ offset: String(i), timestamp: String(1000 + i) })) });
    await landed();
    expect(store.getState().tail.records).toHaveLength(100);
    expect(store.getState().tail.records[0]!.offset).toBe('150');
    expect(store.getState().tail.dropped).toBe(150);
  });

  it('drops duplicates resent after a resume', async () => {
    const { store, socket } = await tailing();
    socket.push({ type: 'records', streamId: 's1', records: [fakeRecord({ offset: '0' }), fakeRecord({ offset: '1' })] });
    socket.push({ type: 'records', streamId: 's1', records: [fakeRecord({ offset: '1' }), fakeRecord({ offset: '2' })] });
    await landed();
    expect(store.getState().tail.records.map((r) => r.offset)).toEqual(['0', '1', '2']);
  });

  it('shows status and counters, and ended clears the running stream', async () => {
    const { store, socket } = await tailing();
    socket.push({ type: 'status', streamId: 's1', status: 'throttled' });
    await landed();
    expect(store.getState().tail.status).toBe('throttled');
    socket.push({ type: 'stats', streamId: 's1', scanned: 10, matched: 4, sent: 4, positions: {}, highWatermarks: {} });
    await landed();
    expect(store.getState().tail.stats).toEqual({ scanned: 10, matched: 4, sent: 4 });
    socket.push({ type: 'status', streamId: 's1', status: 'ended', message: 'limit reached' });
    await landed();
    expect(store.getState().tail).toMatchObject({ status: 'ended', handle: null, message: 'limit reached' });
  });

  it('persists only preferences, and only when they change (not on every records frame)', async () => {
    const { store, storage, socket } = await tailing();
    let writes = 0;
    const setItem = storage.setItem;
    storage.setItem = (k, v) => (writes++, setItem(k, v));
    for (let i = 0; i < 5; i++) {
      socket.push({ type: 'records', streamId: 's1', records: [fakeRecord({ offset: String(i) })] });
      await landed();
    }
    expect(store.getState().tail.records).toHaveLength(5);
    expect(writes).toBe(0);
    store.getState().setPreferences({ order: 'oldest' });
    expect(writes).toBe(1);
    const saved = JSON.parse(storage.data.get('kafka-inspector:preferences')!) as { state: Record<string, unknown> };
    expect(Object.keys(saved.state)).toEqual(['preferences']);
    expect(saved.state.preferences).toMatchObject({ order: 'oldest', bufferSize: 50_000 });
  });

  it('"edit and resend" fills the produce form from a tailed record, value bytes unchanged (compact JSON stays compact), and switches view', async () => {
    const { store } = await pairedStore();
    store.getState().editRecord(fakeRecord({ partition: 1, value: { encoding: 'json', text: '{"a":1}', size: 7 }, headers: [{ key: 'h', value: { encoding: 'text', text: 'v', size: 1 } }] }));
    expect(store.getState().produce.form).toMatchObject({ topic: 'orders', partition: '1', key: 'k', valueMode: 'json', value: '{"a":1}', headers: [{ key: 'h', value: 'v' }] });
    expect(store.getState().preferences.activeTab).toBe('produce');
  });

  it('sends N copies and saves the form as the topic template', async () => {
    const { store, socket } = await pairedStore();
    store.getState().setProduceForm({ topic: 'orders', key: 'k', value: '{"a":1}', copies: 3 });
    const sending = store.getState().sendProduce();
    await flush();
    expect((socket.last('produce').records as unknown[]).length).toBe(3);
    socket.reply('produce', { records: [0, 1, 2].map((offset) => ({ partition: 0, offset: String(offset) })) });
    await sending;
    expect(store.getState().produce.result).toHaveLength(3);
    expect(store.getState().preferences.templates.orders).toMatchObject({ key: 'k', value: '{"a":1}', copies: 1 });
  });
  it('after records that were not written, stops sending and says which, why, and that the rest were written', async () => {
    const { store, socket } = await pairedStore();
    store.getState().setProduceForm({ topic: 'orders', key: 'k', value: '{"a":1}', copies: 1200 });
    const sending = store.getState().sendProduce();
    await flush();
    const produces = () => socket.sent.filter((f) => f.type === 'produce').length;
    socket.reply('produce', { records: Array.from({ length: 500 }, (_, i) => ({ partition: i % 3, offset: String(i) })) });
    await flush();
    expect(produces()).toBe(2);
    const down = { code: 'KAFKA_UNAVAILABLE', message: 'produce to orders partition 1: Connection error: connect ECONNREFUSED' };
    socket.reply('produce', { records: Array.from({ length: 500 }, (_, i) => (i === 3 || i === 9 ? { partition: 1, error: down } : { partition: 0, offset: String(500 + i) })) });
    await sending;
    expect(produces()).toBe(2);
    const { result, error, sending: still } = store.getState().produce;
    expect(still).toBe(false);
    expect(result).toHaveLength(998);
    expect(result!.every((r) => typeof r.offset === 'string')).toBe(true);
    expect(error).toBe(
      '202 of 1200 records were not written: records 504, 510 failed (partition 1: produce to orders partition 1: Connection error: connect ECONNREFUSED), and the 200 after them were not sent. 998 were written: sending the form again would write them twice.',
    );
    expect(store.getState().preferences.templates.orders).toBeUndefined();
  });
});
