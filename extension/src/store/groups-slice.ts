import type { GroupDetail, GroupSummary } from '@kafka-inspector/shared';
import { RequestFailed } from '../bridge/client';
import type { Slice } from './types';
import { errorText } from './types';

export interface GroupsSlice {
  groups: {
    list: GroupSummary[] | null;
    loading: boolean;
    error: string | null;
    /** The broker lacks ListGroups: a group can still be looked up by name (OffsetFetch works everywhere). */
    unsupported: boolean;
    selected: string | null;
    detail: GroupDetail | null;
    detailLoading: boolean;
    detailError: string | null;
  };
  refreshGroups(): Promise<void>;
  selectGroup(groupId: string | null): Promise<void>;
}

export const createGroupsSlice: Slice<GroupsSlice> = (bridge) => (set, get) => {
  const patch = (change: Partial<GroupsSlice['groups']>) => set((state) => ({ groups: { ...state.groups, ...change } }));
  return {
    groups: { list: null, loading: false, error: null, unsupported: false, selected: null, detail: null, detailLoading: false, detailError: null },
    async refreshGroups() {
      patch({ loading: true, error: null });
      try {
        const { groups } = await bridge.request({ type: 'listGroups' });
        patch({ list: groups, loading: false, unsupported: false });
      } catch (error) {
        const unsupported = error instanceof RequestFailed && error.error.code === 'UNSUPPORTED_BY_BROKER';
        patch({ loading: false, unsupported, error: errorText(error), list: unsupported ? [] : get().groups.list });
      }
      const selected = get().groups.selected;
      if (selected) void get().selectGroup(selected);
    },
    async selectGroup(groupId) {
      patch({ selected: groupId, detailLoading: groupId !== null, detailError: null, ...(groupId !== get().groups.selected ? { detail: null } : {}) });
      if (!groupId) return;
      try {
        const detail = await bridge.request({ type: 'describeGroup', groupId });
        if (get().groups.selected === groupId) patch({ detail, detailLoading: false });
      } catch (error) {
        if (get().groups.selected === groupId) patch({ detailLoading: false, detailError: errorText(error) });
      }
    },
  };
};
