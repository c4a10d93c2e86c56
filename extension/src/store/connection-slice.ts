import type { ConnectionState } from '../bridge/client';
import type { Slice } from './types';
import { errorText } from './types';

export interface ConnectionSlice {
  connection: ConnectionState;
  pairing: { url: string; token: string } | null;
  pairingError: string | null;
  connect(url: string, token: string): Promise<boolean>;
  disconnect(): void;
  /** The bridge's connection state changed (wired in `wireBridge`). */
  connectionChanged(connection: ConnectionState): void;
}

export const createConnectionSlice: Slice<ConnectionSlice> = (bridge) => (set, get) => {
  return {
    connection: bridge.state,
    pairing: null,
    pairingError: null,
    async connect(url, token) {
      set({ pairing: { url, token }, pairingError: null });
      try {
        await bridge.connect(url, token);
        void get().refreshTopics();
        return true;
      } catch (error) {
        set({ pairingError: errorText(error) });
        return false;
      }
    },
    disconnect() {
      bridge.disconnect();
      set({ pairing: null });
    },
    connectionChanged: (connection) => set({ connection }),
  };
};
