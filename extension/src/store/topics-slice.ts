import type { TopicDetail, TopicSummary } from '@kafka-inspector/shared';
import { initialListDetail, type ListDetail, listDetailActions } from './list-detail';
import type { Slice } from './types';

export interface TopicsSlice {
  topics: ListDetail<TopicSummary, TopicDetail> & {
    search: string;
    showInternal: boolean;
  };
  refreshTopics(): Promise<void>;
  selectTopic(name: string | null): Promise<void>;
  setTopicSearch(search: string): void;
  setShowInternal(show: boolean): void;
}

export const createTopicsSlice: Slice<TopicsSlice> = (bridge) => (set, get) => {
  const patch = (change: Partial<TopicsSlice['topics']>) => set((state) => ({ topics: { ...state.topics, ...change } }));
  const { refresh, select } = listDetailActions(patch, () => get().topics, {
    list: async () => (await bridge.request({ type: 'listTopics', includeInternal: true })).topics,
    describe: (topic) => bridge.request({ type: 'describeTopic', topic }),
  });
  return {
    topics: { ...initialListDetail<TopicSummary, TopicDetail>(), search: '', showInternal: false },
    refreshTopics: refresh,
    selectTopic: select,
    setTopicSearch: (search) => patch({ search }),
    setShowInternal: (showInternal) => patch({ showInternal }),
  };
};

/** The topics shown: client-side search (instant) over the listed ones, internal ones on request. */
export function visibleTopics(topics: TopicsSlice['topics']): TopicSummary[] {
  const needle = topics.search.trim().toLowerCase();
  return topics.list.filter((t) => (topics.showInternal || !t.internal) && (!needle || t.name.toLowerCase().includes(needle)));
}
