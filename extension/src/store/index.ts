import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { Bridge } from '../bridge/client';
import { createClusterSlice } from './cluster-slice';
import { createConnectionSlice } from './connection-slice';
import { createCorrelationSlice } from './correlation-slice';
import { createGroupsSlice } from './groups-slice';
import { skipUnchangedWrites } from './persisted-storage';
import { createPreferencesSlice } from './preferences-slice';
import { createProduceSlice } from './produce-slice';
import { createRecordReadsSlice } from './record-reads-slice';
import { createSchemasSlice } from './schemas-slice';
import { createTailSlice } from './tail-slice';
import { createTopicsSlice } from './topics-slice';
import type { InspectorState } from './types';

export type { InspectorState } from './types';
export { wireBridge } from './wire-bridge';

/**
 * One store of slices over one bridge. Only preferences persist: what the panel shows is the
 * companion's to resend.
 */
export function createInspectorStore(bridge: Bridge = new Bridge(), storage?: StateStorage) {
  return create<InspectorState>()(
    persist(
      (...a) => ({
        ...createConnectionSlice(bridge)(...a),
        ...createTopicsSlice(bridge)(...a),
        ...createTailSlice(bridge)(...a),
        ...createProduceSlice(bridge)(...a),
        ...createGroupsSlice(bridge)(...a),
        ...createClusterSlice(bridge)(...a),
        ...createRecordReadsSlice(bridge)(...a),
        ...createSchemasSlice(bridge)(...a),
        ...createPreferencesSlice(bridge)(...a),
        ...createCorrelationSlice(bridge)(...a),
      }),
      {
        name: 'kafka-inspector:preferences',
        storage: createJSONStorage(() => skipUnchangedWrites(storage ?? localStorage)),
        partialize: (state) => ({ preferences: state.preferences }),
        merge: (persisted, current) => ({ ...current, preferences: { ...current.preferences, ...((persisted as Partial<InspectorState>)?.preferences ?? {}) } }),
      },
    ),
  );
}

export type InspectorStore = ReturnType<typeof createInspectorStore>;
