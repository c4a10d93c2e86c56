import type { GroupDetail, GroupSummary } from '@kafka-inspector/shared';
import { RequestFailed } from '../bridge/client';
import { initialListDetail, type ListDetail, listDetailActions } from './list-detail';
import type { Slice } from './types';

export interface GroupsSlice {
  groups: ListDetail<GroupSummary, GroupDetail> & {
    /** The broker lacks ListGroups: a group can still be looked up by name (OffsetFetch works everywhere). */
    unsupported: boolean;
  };
  refreshGroups(): Promise<void>;
  selectGroup(groupId: string | null): Promise<void>;
}

export const createGroupsSlice: Slice<GroupsSlice> = (bridge) => (set, get) => {
  const patch = (change: Partial<GroupsSlice['groups']>) => set((state) => ({ groups: { ...state.groups, ...change } }));
  const { refresh, select } = listDetailActions(patch, () => get().groups, {
    list: async () => (await bridge.request({ type: 'listGroups' })).groups,
    describe: (groupId) => bridge.request({ type: 'describeGroup', groupId }),
    onListed: () => ({ unsupported: false }),
    onListError: (error, current) => {
      const unsupported = error instanceof RequestFailed && error.error.code === 'UNSUPPORTED_BY_BROKER';
      return { unsupported, list: unsupported ? [] : current.list };
    },
  });
  return {
    groups: { ...initialListDetail<GroupSummary, GroupDetail>(), unsupported: false },
    refreshGroups: refresh,
    selectGroup: select,
  };
};

/**
 * A described group that the broker knows nothing about: Kafka describes an unknown group as "Dead"
 * with no members, and a broker without DescribeGroups gives no state at all; with no committed
 * offset either, there is no such group to show.
 */
export function isUnknownGroup(detail: GroupDetail): boolean {
  return (detail.state === null || detail.state === 'Dead') && (detail.members ?? []).length === 0 && detail.offsets.every((o) => o.committed === null);
}
