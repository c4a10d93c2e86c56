import { beforeEach, describe, expect, it } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import { wiredStore } from './wired-store';
import { asWebSocket, FakeSocket, flush } from './fake-socket';
import { fakeRecord } from './records';

/**
 * Stop and Start replies arrive in any order: on a real broker a tailStop takes 200-430 ms to answer
 * (the mock answers in ~20 ms, which hid these races). The fake socket plays a slow companion.
 */

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
};

const landed = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

type Sent = Record<string, unknown>;

function started(streamId: string, offset = '0') {
  return { streamId, topic: 'orders', partitions: [{ partition: 0, offset, low: '0', high: '5' }] };
}

async function pairedStore() {
  const store = wiredStore(new Bridge({ WebSocket: asWebSocket }), memory());
  const connecting = store.getState().connect('ws://x/ws', 'tok');
  const socket = FakeSocket.latest();
  socket.open();
  socket.welcome();
  await connecting;
  socket.reply('listTopics', { topics: [{ name: 'orders', partitions: 1, replicationFactor: 1, messageCount: '10', internal: false }] });
  await flush();
  const answered = new Set<Sent>();
  /** Requests of a type the panel sent that have no reply yet, oldest first. */
  const unanswered = (type: string) => socket.sent.filter((f) => f.type === type && !answered.has(f));
  const answer = (request: Sent, result: unknown) => {
    answered.add(request);
    socket.push({ type: 'result', id: request.id, ok: true, request: request.type, result });
  };
  return { store, socket, unanswered, answer };
}

async function tailing() {
  const paired = await pairedStore();
  const starting = paired.store.getState().startTail({ topic: 'orders', start: { from: 'earliest' } });
  await flush();
  paired.answer(paired.unanswered('tailStart')[0]!, started('s1'));
  await starting;
  expect(paired.store.getState().tail).toMatchObject({ status: 'live', handle: { streamId: 's1' } });
  return paired;
}

describe('tail Stop/Start races (replies out of order)', () => {
  beforeEach(() => FakeSocket.reset());

  for (const when of ['after the new tail is live', 'between the new start and its reply'] as const) {
    it(`Stop, then Start before the stop's reply: a stop reply arriving ${when} leaves the new tail live`, async () => {
      const { store, socket, unanswered, answer } = await tailing();
      const stopping = store.getState().stopTail();
      await flush();
      const slowStop = unanswered('tailStop')[0]!;
      expect(slowStop.streamId).toBe('s1');
      const restarting = store.getState().startTail({ topic: 'orders', start: { from: 'latest' } });
      await flush();
      // Any further stop of s1 is answered at once (the companion no longer knows the stream).
      for (const extra of unanswered('tailStop').filter((f) => f !== slowStop)) answer(extra, { streamId: extra.streamId });
      await flush();
      if (when === 'between the new start and its reply') {
        answer(slowStop, { streamId: 's1' });
        await stopping;
      }
      answer(unanswered('tailStart')[0]!, started('s2', '5'));
      await restarting;
      if (when === 'after the new tail is live') {
        answer(slowStop, { streamId: 's1' });
        await stopping;
      }
      expect(store.getState().tail).toMatchObject({ status: 'live', handle: { streamId: 's2' } });

      socket.push({ type: 'records', streamId: 's2', records: [fakeRecord({ offset: '5' }), fakeRecord({ offset: '6' })] });
      await landed();
      expect(store.getState().tail.records.map((r) => r.offset)).toEqual(['5', '6']);

      // The new tail is still the panel's: Stop stops it.
      const stoppingNew = store.getState().stopTail();
      await flush();
      const stopNew = unanswered('tailStop')[0]!;
      expect(stopNew.streamId).toBe('s2');
      answer(stopNew, { streamId: 's2' });
      await stoppingNew;
      expect(store.getState().tail).toMatchObject({ status: 'ended', handle: null, message: 'stopped' });
      expect(socket.sent.filter((f) => f.type === 'tailStop').map((f) => f.streamId)).toEqual(['s1', 's2']);
    });
  }

  for (const order of ['first reply first', 'second reply first'] as const) {
    it(`Start, Start quickly (${order}): the first tail gets a tailStop, the second is shown`, async () => {
      const { store, socket, unanswered, answer } = await pairedStore();
      const first = store.getState().startTail({ topic: 'orders', start: { from: 'earliest' } });
      await flush();
      const second = store.getState().startTail({ topic: 'orders', start: { from: 'latest' } });
      await flush();
      const [startA, startB] = unanswered('tailStart');
      expect(startB).toBeDefined();
      if (order === 'first reply first') {
        answer(startA!, started('s1'));
        answer(startB!, started('s2', '5'));
      } else {
        answer(startB!, started('s2', '5'));
        answer(startA!, started('s1'));
      }
      await flush();
      for (const stop of unanswered('tailStop')) answer(stop, { streamId: stop.streamId });
      await Promise.all([first, second]);
      expect(socket.sent.filter((f) => f.type === 'tailStop').map((f) => f.streamId)).toEqual(['s1']);
      expect(store.getState().tail).toMatchObject({ status: 'live', handle: { streamId: 's2' } });
      socket.push({ type: 'records', streamId: 's1', records: [fakeRecord({ offset: '0' })] });
      socket.push({ type: 'records', streamId: 's2', records: [fakeRecord({ offset: '5' })] });
      await landed();
      expect(store.getState().tail.records.map((r) => r.offset)).toEqual(['5']);
    });
  }

  it('Start, then Stop before the start reply: the tail is stopped when its handle arrives', async () => {
    const { store, socket, unanswered, answer } = await pairedStore();
    const starting = store.getState().startTail({ topic: 'orders', start: { from: 'earliest' } });
    await flush();
    await store.getState().stopTail();
    expect(store.getState().tail).toMatchObject({ status: 'ended', handle: null });
    answer(unanswered('tailStart')[0]!, started('s1'));
    await flush();
    for (const stop of unanswered('tailStop')) answer(stop, { streamId: stop.streamId });
    await starting;
    expect(socket.sent.filter((f) => f.type === 'tailStop').map((f) => f.streamId)).toEqual(['s1']);
    expect(store.getState().tail).toMatchObject({ status: 'ended', handle: null });
  });
});
