import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Bridge, RequestFailed, type TailHandle } from '../../../extension/src/bridge/client';
import { asWebSocket, FakeSocket, flush } from './fake-socket';

const record = (partition: number, offset: number) => ({
  topic: 'orders', partition, offset: String(offset), timestamp: String(1000 + offset), key: null, value: { encoding: 'text', text: `v${offset}`, size: 2 }, headers: [], size: 2,
});

async function connected(options: ConstructorParameters<typeof Bridge>[0] = {}) {
  const bridge = new Bridge({ WebSocket: asWebSocket, random: () => 0.5, ...options });
  const welcome = bridge.connect('ws://127.0.0.1:7341/ws', 'tok');
  FakeSocket.latest().open();
  FakeSocket.latest().welcome();
  await welcome;
  return bridge;
}

describe('Bridge', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(() => vi.useRealTimers());

  it('pairs with hello and the token, then reports the connection open', async () => {
    const states: string[] = [];
    const bridge = new Bridge({ WebSocket: asWebSocket });
    bridge.on('state', (s) => states.push(s.status));
    const welcome = bridge.connect('ws://x/ws', 'tok');
    FakeSocket.latest().open();
    expect(FakeSocket.latest().last('hello')).toMatchObject({ protocol: 1, token: 'tok' });
    FakeSocket.latest().welcome();
    await expect(welcome).resolves.toMatchObject({ protocol: 1 });
    expect(states).toEqual(['connecting', 'open']);
  });

  it('a refused token rejects and does not retry', async () => {
    const bridge = new Bridge({ WebSocket: asWebSocket });
    const welcome = bridge.connect('ws://x/ws', 'bad');
    const socket = FakeSocket.latest();
    socket.open();
    socket.push({ type: 'error', id: socket.last('hello').id, ok: false, error: { code: 'UNAUTHORIZED', message: 'wrong token' } });
    await expect(welcome).rejects.toBeInstanceOf(RequestFailed);
    socket.close(4401, 'wrong token');
    await flush();
    expect(bridge.state.status).toBe('unauthorized');
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('matches replies by id, surfaces typed errors, and times requests out', async () => {
    const bridge = await connected({ requestTimeoutMs: 50 });
    const socket = FakeSocket.latest();
    const topics = bridge.request({ type: 'listTopics' });
    const missing = bridge.request({ type: 'describeTopic', topic: 'nope' });
    socket.push({ type: 'error', id: socket.last('describeTopic').id, ok: false, error: { code: 'NOT_FOUND', message: 'no topic' } });
    socket.reply('listTopics', { topics: [] });
    await expect(topics).resolves.toEqual({ topics: [] });
    await expect(missing).rejects.toMatchObject({ error: { code: 'NOT_FOUND' } });
    await expect(bridge.request({ type: 'ping' })).rejects.toThrow(/timed out/);
  });

  it('ignores frames that do not match the protocol, logging them', async () => {
    const log = vi.fn();
    const bridge = await connected({ log });
    const socket = FakeSocket.latest();
    const ping = bridge.request({ type: 'ping' });
    socket.push('not json');
    socket.push({ type: 'result', id: socket.last('ping').id, ok: true, request: 'ping', result: { time: 5 } });
    expect(log).toHaveBeenCalledTimes(2);
    socket.reply('ping', { time: '5' });
    await expect(ping).resolves.toEqual({ time: '5' });
  });

  it('reconnects with backoff after the socket drops, and resumes tails from the next offset held', async () => {
    vi.useFakeTimers();
    const bridge = await connected();
    const first = FakeSocket.latest();
    const started = bridge.startTail({ topic: 'orders', start: { from: 'earliest' } });
    first.reply('tailStart', { streamId: 's1', topic: 'orders', partitions: [{ partition: 0, offset: '0', low: '0', high: '9' }, { partition: 1, offset: '0', low: '0', high: '9' }] });
    const handle = await started;
    const seen: string[] = [];
    const resumed: TailHandle[] = [];
    bridge.on('stream', (_h, frame) => frame.type === 'records' && seen.push(...frame.records.map((r) => `${r.partition}:${r.offset}`)));
    bridge.on('resumed', (h) => resumed.push(h));
    // The bridge notes what it hands over: the resume point needs no call from the store.
    first.push({ type: 'records', streamId: 's1', records: [record(0, 0), record(0, 1)] });

    first.close(1006, 'gone');
    expect(bridge.state).toMatchObject({ status: 'reconnecting', attempt: 1 });
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    const second = FakeSocket.latest();
    expect(second).not.toBe(first);
    second.open();
    second.welcome();
    await vi.advanceTimersByTimeAsync(0);
    // Partition 0 resumes after the last record held; partition 1 (nothing held) where it started.
    expect(second.last('tailStart')).toMatchObject({ topic: 'orders', start: { from: 'positions', positions: { '0': '2', '1': '0' } } });
    second.reply('tailStart', { streamId: 's7', topic: 'orders', partitions: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(resumed).toEqual([expect.objectContaining({ key: handle.key, streamId: 's7' })]);
    expect(handle.streamId).toBe('s1'); // the ref the store holds is immutable: a new one came with 'resumed'
    second.push({ type: 'records', streamId: 's7', records: [record(0, 2)] });
    expect(seen).toEqual(['0:0', '0:1', '0:2']);
  });

  it('a tail the companion ended (limit reached, error) is not started again after a reconnect', async () => {
    vi.useFakeTimers();
    const bridge = await connected();
    const first = FakeSocket.latest();
    const started = bridge.startTail({ topic: 'orders', start: { from: 'earliest' }, limit: 1 });
    first.reply('tailStart', { streamId: 's1', topic: 'orders', partitions: [{ partition: 0, offset: '0', low: '0', high: '9' }] });
    const handle = await started;
    const statuses: string[] = [];
    bridge.on('stream', (h, frame) => frame.type === 'status' && h.key === handle.key && statuses.push(frame.status));
    first.push({ type: 'status', streamId: 's1', status: 'ended', message: 'limit of 1 records reached' });
    expect(statuses).toEqual(['ended']);

    first.close(1006, 'gone');
    await vi.advanceTimersByTimeAsync(300);
    const second = FakeSocket.latest();
    second.open();
    second.welcome();
    await vi.advanceTimersByTimeAsync(0);
    expect(second.sent.filter((frame) => frame.type === 'tailStart')).toEqual([]);
    // Stopping it now sends nothing either: it has already ended.
    await bridge.stopTail(handle);
    expect(second.sent.filter((frame) => frame.type === 'tailStop')).toEqual([]);
  });

  it('on() returns an unsubscribe; a throwing listener is logged and the others still hear', async () => {
    const log = vi.fn();
    const bridge = new Bridge({ WebSocket: asWebSocket, log });
    const heard: string[] = [];
    bridge.on('state', () => {
      throw new Error('boom');
    });
    const off = bridge.on('state', (s) => heard.push(s.status));
    const welcome = bridge.connect('ws://x/ws', 'tok');
    off();
    FakeSocket.latest().open();
    FakeSocket.latest().welcome();
    await welcome;
    expect(heard).toEqual(['connecting']);
    expect(log).toHaveBeenCalledWith('a bridge listener failed', expect.any(Error));
  });

  it('shutdown() closes the socket, fails pending requests and drops every listener', async () => {
    const bridge = await connected();
    const socket = FakeSocket.latest();
    const states: string[] = [];
    bridge.on('state', (s) => states.push(s.status));
    const ping = bridge.request({ type: 'ping' });
    bridge.shutdown();
    await expect(ping).rejects.toThrow('disconnected');
    expect(socket.readyState).toBe(3);
    expect(states).toEqual(['idle']);
    bridge.connect('ws://x/ws', 'tok').catch(() => {});
    expect(states).toEqual(['idle']); // no listener left
    expect(bridge.state.status).toBe('connecting');
  });

  it('backs off further on each failed attempt', async () => {
    vi.useFakeTimers();
    const bridge = await connected();
    FakeSocket.latest().close(1006, '');
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const state = bridge.state;
      if (state.status !== 'reconnecting') throw new Error(state.status);
      delays.push(state.retryAt - Date.now());
      await vi.advanceTimersByTimeAsync(state.retryAt - Date.now());
      FakeSocket.latest().close(1006, 'refused');
    }
    expect(delays).toEqual([188, 375, 750]);
  });
});
