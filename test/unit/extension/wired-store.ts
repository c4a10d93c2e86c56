import type { StateStorage } from 'zustand/middleware';
import type { Bridge } from '../../../extension/src/bridge/client';
import { createInspectorStore, wireBridge } from '../../../extension/src/store';

/** A store wired to its bridge as mount.tsx wires the panel's. */
export function wiredStore(bridge: Bridge, storage?: StateStorage) {
  const store = createInspectorStore(bridge, storage);
  wireBridge(store, bridge);
  return store;
}
