import type { Bridge } from '../bridge/client';
import type { InspectorStore } from './index';

/**
 * Connects the bridge's events to the store's actions, once, where the app mounts; returns the undo.
 * The slices only call the bridge: nothing in the store installs callbacks on it.
 */
export function wireBridge(store: InspectorStore, bridge: Bridge): () => void {
  const unsubscribe = [
    bridge.on('state', (connection) => store.getState().connectionChanged(connection)),
    bridge.on('stream', (handle, frame) => store.getState().receiveStreamFrame(handle, frame)),
    bridge.on('stream', (handle, frame) => store.getState().receiveCorrelationFrame(handle, frame)),
    bridge.on('resumed', (handle) => store.getState().tailResumed(handle)),
  ];
  return () => unsubscribe.forEach((off) => off());
}
