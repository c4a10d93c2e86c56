import type { ForcedDecoders } from '@kafka-inspector/shared';
import type { SiteSettings } from '../devtools/correlation-ids';
import type { ProduceForm } from './produce-slice';
import type { Slice } from './types';

export type Tab = 'topics' | 'tail' | 'produce' | 'groups' | 'schemas' | 'requests';
export type Order = 'newest' | 'oldest';
export type ValueView = 'tree' | 'text' | 'hex';
export type TimeZoneChoice = 'local' | 'utc';

export interface Preferences {
  bufferSize: number;
  order: Order;
  valueView: ValueView;
  activeTab: Tab;
  /** Produce templates per topic, saved on each successful send. */
  templates: Record<string, ProduceForm>;
  /** Decoders forced per topic for the key and value (issue 11), sent with each tail of it. */
  decoders: Record<string, ForcedDecoders>;
  /** The cluster profile the panel shows; null: the companion's default. */
  cluster: string | null;
  /** Times shown and typed in the browser's zone or in UTC. */
  timeZone: TimeZoneChoice;
  /** DevTools correlation, per inspected site (origin): topics to search, extra id headers and JSON paths. */
  sites: Record<string, SiteSettings>;
  /** In a narrow panel the tail form folds to a one-line summary once a tail starts (issue 14: 8). */
  tailFormCollapsed?: boolean;
}

export interface PreferencesSlice {
  preferences: Preferences;
  setPreferences(change: Partial<Preferences>): void;
  setActiveTab(tab: Tab): void;
  saveTemplate(form: ProduceForm): void;
}

export const DEFAULT_BUFFER = 50_000;

export const createPreferencesSlice: Slice<PreferencesSlice> = () => (set, get) => ({
  preferences: { bufferSize: DEFAULT_BUFFER, order: 'newest', valueView: 'tree', activeTab: 'topics', templates: {}, decoders: {}, cluster: null, timeZone: 'local', sites: {} },
  setPreferences: (change) => set({ preferences: { ...get().preferences, ...change } }),
  setActiveTab: (activeTab) => set({ preferences: { ...get().preferences, activeTab } }),
  saveTemplate: (form) => set({ preferences: { ...get().preferences, templates: { ...get().preferences.templates, [form.topic]: { ...form, copies: 1 } } } }),
});
