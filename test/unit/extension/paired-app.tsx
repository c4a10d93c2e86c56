import { render } from '@testing-library/react';
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
export async function renderPairedApp(options: { mode?: 'extension' | 'standalone'; storage?: StateStorage; random?: () => number } = {}) {
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
  FakeSocket.latest().welcome();
  await connecting;
  await flush();
  return { store, socket: FakeSocket.latest() };
}
