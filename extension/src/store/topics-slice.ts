import type { TopicDetail, TopicSummary } from '@kafka-inspector/shared';
import type { Slice } from './types';
import { errorText } from './types';

export interface TopicsSlice {
  topics: {
    list: TopicSummary[];
    loading: boolean;
    error: string | null;
    search: string;
    showInternal: boolean;
    selected: string | null;
    detail: TopicDetail | null;
    detailLoading: boolean;
    detailError: string | null;
  };
  refreshTopics(): Promise<void>;
  selectTopic(name: string | null): Promise<void>;
  setTopicSearch(search: string): void;
  setShowInternal(show: boolean): void;
}

export const createTopicsSlice: Slice<TopicsSlice> = (bridge) => (set, get) => {
  const patch = (change: Partial<TopicsSlice['topics']>) => set((state) => ({ topics: { ...state.topics, ...change } }));
  return {
    topics: { list: [], loading: false, error: null, search: '', showInternal: false, selected: null, detail: null, detailLoading: false, detailError: null },
    async refreshTopics() {
      patch({ loading: true, error: null });
      try {
        const { topics } = await bridge.request({ type: 'listTopics', includeInternal: true });
        patch({ list: topics, loading: false });
      } catch (error) {
        patch({ loading: false, error: errorText(error) });
      }
    },
    async selectTopic(name) {
      patch({ selected: name, detail: null, detailError: null, detailLoading: name !== null });
      if (!name) return;
      try {
        const detail = await bridge.request({ type: 'describeTopic', topic: name });
        if (get().topics.selected === name) patch({ detail, detailLoading: false });
      } catch (error) {
        if (get().topics.selected === name) patch({ detailLoading: false, detailError: errorText(error) });
      }
    },
    setTopicSearch: (search) => patch({ search }),
    setShowInternal: (showInternal) => patch({ showInternal }),
  };
};

/** The topics shown: client-side search (instant) over the listed ones, internal ones on request. */
export function visibleTopics(topics: TopicsSlice['topics']): TopicSummary[] {
  const needle = topics.search.trim().toLowerCase();
  return topics.list.filter((t) => (topics.showInternal || !t.internal) && (!needle || t.name.toLowerCase().includes(needle)));
}
