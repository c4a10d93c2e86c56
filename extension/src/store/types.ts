import type { StateCreator } from 'zustand';
import type { Bridge } from '../bridge/client';
import type { ClusterSlice } from './cluster-slice';
import type { ConnectionSlice } from './connection-slice';
import type { CorrelationSlice } from './correlation-slice';
import type { GroupsSlice } from './groups-slice';
import type { PreferencesSlice } from './preferences-slice';
import type { ProduceSlice } from './produce-slice';
import type { RecordReadsSlice } from './record-reads-slice';
import type { SchemasSlice } from './schemas-slice';
import type { TailSlice } from './tail-slice';
import type { TopicsSlice } from './topics-slice';

export type InspectorState = ClusterSlice & RecordReadsSlice & ConnectionSlice & TopicsSlice & TailSlice & ProduceSlice & GroupsSlice & PreferencesSlice & SchemasSlice & CorrelationSlice;

/** A slice creator that also gets the bridge, so actions can talk to the companion. */
export type Slice<T> = (bridge: Bridge) => StateCreator<InspectorState, [['zustand/persist', unknown]], [], T>;

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
