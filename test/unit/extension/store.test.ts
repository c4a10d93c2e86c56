import { beforeEach, describe, expect, it } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import { createInspectorStore } from '../../../extension/src/store';
import { asWebSocket, FakeSocket, flush } from './fake-socket';
import { fakeRecord } from './records';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
};

async function pairedStore(storage = memory()) {
  const store = createInspectorStore(new Bridge({ WebSocket: asWebSocket }), storage);
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

  it('applies a records frame with exactly one set, whatever its size', async () => {
    const { store, socket } = await tailing();
    let sets = 0;
    const unsubscribe = store.subscribe(() => sets++);
    socket.push({ type: 'records', streamId: 's1', records: Array.from({ length: 300 }, (_, i) => fakeRecord({ offset: String(i), timestamp: String(1000 + i) })) });
    unsubscribe();
    expect(sets).toBe(1);
    expect(store.getState().tail.records).toHaveLength(300);
  });

  it('bounds the buffer to the preference and shows how many were dropped', async () => {
    const { store, socket } = await tailing();
    store.getState().setPreferences({ bufferSize: 100 });
    socket.push({ type: 'records', streamId: 's1', records: Array.from({ length: 250 }, (_, i) => fakeRecord({ offset: String(i), timestamp: String(1000 + i) })) });
    expect(store.getState().tail.records).toHaveLength(100);
    expect(store.getState().tail.records[0]!.offset).toBe('150');
    expect(store.getState().tail.dropped).toBe(150);
  });

  it('drops duplicates resent after a resume', async () => {
    const { store, socket } = await tailing();
    socket.push({ type: 'records', streamId: 's1', records: [fakeRecord({ offset: '0' }), fakeRecord({ offset: '1' })] });
    socket.push({ type: 'records', streamId: 's1', records: [fakeRecord({ offset: '1' }), fakeRecord({ offset: '2' })] });
    expect(store.getState().tail.records.map((r) => r.offset)).toEqual(['0', '1', '2']);
  });

  it('shows status and counters, and ended clears the running stream', async () => {
    const { store, socket } = await tailing();
    socket.push({ type: 'status', streamId: 's1', status: 'throttled' });
    expect(store.getState().tail.status).toBe('throttled');
    socket.push({ type: 'stats', streamId: 's1', scanned: 10, matched: 4, sent: 4, positions: {}, highWatermarks: {} });
    expect(store.getState().tail.stats).toEqual({ scanned: 10, matched: 4, sent: 4 });
    socket.push({ type: 'status', streamId: 's1', status: 'ended', message: 'limit reached' });
    expect(store.getState().tail).toMatchObject({ status: 'ended', handle: null, message: 'limit reached' });
  });

  it('persists only preferences', async () => {
    const { store, storage, socket } = await tailing();
    socket.push({ type: 'records', streamId: 's1', records: [fakeRecord()] });
    store.getState().setPreferences({ order: 'oldest' });
    const saved = JSON.parse(storage.data.get('kafka-inspector:preferences')!) as { state: Record<string, unknown> };
    expect(Object.keys(saved.state)).toEqual(['preferences']);
    expect(saved.state.preferences).toMatchObject({ order: 'oldest', bufferSize: 50_000 });
  });

  it('"edit and resend" fills the produce form from a tailed record and switches view', async () => {
    const { store } = await pairedStore();
    store.getState().editRecord(fakeRecord({ partition: 1, value: { encoding: 'json', text: '{"a":1}', size: 7 }, headers: [{ key: 'h', value: { encoding: 'text', text: 'v', size: 1 } }] }));
    expect(store.getState().produce.form).toMatchObject({ topic: 'orders', partition: '1', key: 'k', valueMode: 'json', value: '{\n  "a": 1\n}', headers: [{ key: 'h', value: 'v' }] });
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
});
