import type { ClusterInfo, ClusterProfileInfo, Welcome } from '@kafka-inspector/shared';
import type { Slice } from './types';
import { errorText } from './types';

export interface ClusterSlice {
  cluster: { overviewOpen: boolean; info: ClusterInfo | null; loading: boolean; error: string | null };
  /** Makes the bridge send to the preferred profile once connected (or the default when it is gone). */
  syncCluster(): void;
  /** Switches every view to another cluster profile: the tail stops, lists reload. */
  chooseCluster(name: string): Promise<void>;
  toggleClusterOverview(open?: boolean): void;
  loadClusterOverview(): Promise<void>;
}

/** The profile the panel shows: the preferred one when the companion still has it, else the default. */
export function activeProfile(welcome: Welcome, preferred: string | null): ClusterProfileInfo | undefined {
  return welcome.clusters.find((c) => c.name === preferred) ?? welcome.clusters.find((c) => c.default) ?? welcome.clusters[0];
}

export const createClusterSlice: Slice<ClusterSlice> = (bridge) => (set, get) => {
  const patch = (change: Partial<ClusterSlice['cluster']>) => set((state) => ({ cluster: { ...state.cluster, ...change } }));
  let applied: string | null = null;
  const apply = (name: string | null) => {
    applied = name;
    bridge.useCluster(name);
  };
  return {
    cluster: { overviewOpen: false, info: null, loading: false, error: null },
    syncCluster() {
      const { connection, preferences } = get();
      if (connection.status !== 'open') return;
      const profile = activeProfile(connection.welcome, preferences.cluster);
      const name = profile && !profile.default ? profile.name : null;
      if (name === applied) return;
      apply(name);
      // The first lists were read before this ran (right after the welcome): read them again. The
      // groups only if a list was asked for already (the Groups tab shown at start, a preference
      // restored late); else the tab reads them when first shown.
      void get().refreshTopics();
      const { groups } = get();
      if (groups.loaded || groups.loading) void get().refreshGroups();
      if (get().cluster.overviewOpen) void get().loadClusterOverview();
    },
    async chooseCluster(name) {
      const { connection } = get();
      if (connection.status !== 'open') return;
      const profile = activeProfile(connection.welcome, name);
      get().setPreferences({ cluster: profile?.name ?? null });
      apply(profile && !profile.default ? profile.name : null);
      await get().stopTail();
      get().clearTail();
      get().resetReads();
      patch({ info: null, error: null });
      void get().selectTopic(null);
      void get().selectGroup(null);
      void get().refreshTopics();
      void get().refreshGroups();
      if (get().cluster.overviewOpen) void get().loadClusterOverview();
    },
    toggleClusterOverview(open) {
      const next = open ?? !get().cluster.overviewOpen;
      patch({ overviewOpen: next });
      if (next) void get().loadClusterOverview();
    },
    async loadClusterOverview() {
      patch({ loading: true, error: null });
      try {
        const info = await bridge.request({ type: 'describeCluster' });
        patch({ info, loading: false });
      } catch (error) {
        patch({ loading: false, error: errorText(error) });
      }
    },
  };
};
