import type { WireRecord } from '@kafka-inspector/shared';
import { act, render } from '@testing-library/react';
import type { StateStorage } from 'zustand/middleware';
import { Bridge } from '../../../extension/src/bridge/client';
import { App } from '../../../extension/src/ui/App';
import { ModeContext, StoreContext } from '../../../extension/src/ui/store-context';
import { asWebSocket, FakeSocket, flush } from './fake-socket';
import { wiredStore } from './wired-store';

/** Storage that remembers nothing: each test starts as a first run. */
export const noStorage: StateStorage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };

export const fakeTopic = (name: string) => ({ name, partitions: 1, replicationFactor: 1, messageCount: '3', internal: false });

/**
 * The whole panel, rendered as mount.tsx renders it and paired over a FakeSocket that has sent its
 * welcome: what a user sees right after pairing, before any list has answered.
 */
export async function renderPairedApp(options: { mode?: 'extension' | 'standalone'; storage?: StateStorage; random?: () => number; welcome?: Record<string, unknown> } = {}) {
  const bridge = new Bridge(options.random ? { WebSocket: asWebSocket, random: options.random } : { WebSocket: asWebSocket });
  const store = wiredStore(bridge, options.storage ?? noStorage);
  render(
    <ModeContext.Provider value={options.mode ?? 'extension'}>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </ModeContext.Provider>,
  );
  const connecting = store.getState().connect('ws://x/ws', 'tok');
  FakeSocket.latest().open();
  FakeSocket.latest().welcome(options.welcome);
  await act(async () => {
    await connecting;
    await flush();
  });
  return { store, socket: FakeSocket.latest() };
}

/**
 * A paired panel on the Tail view, tailing `orders` (2 partitions listed) from the earliest record
 * and holding `records` (one `set`, as a stream frame lands).
 */
export async function renderTailing(records: WireRecord[], options: Parameters<typeof renderPairedApp>[0] = {}) {
  const paired = await renderPairedApp(options);
  const { store, socket } = paired;
  socket.reply('listTopics', { topics: [{ ...fakeTopic('orders'), partitions: 2, messageCount: '10' }] });
  await act(flush);
  let started!: Promise<void>;
  act(() => void (started = store.getState().startTail({ topic: 'orders', start: { from: 'earliest' } })));
  await act(flush);
  socket.reply('tailStart', { streamId: 's1', topic: 'orders', partitions: [{ partition: 0, offset: '0', low: '0', high: '60' }] });
  await act(async () => {
    await started;
    store.getState().applyStreamFrames([{ handle: store.getState().tail.handle!, frame: { type: 'records', streamId: 's1', records } }]);
    store.getState().setActiveTab('tail');
  });
  // The virtualised table lays its rows out on the next animation frame.
  await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  return paired;
}
