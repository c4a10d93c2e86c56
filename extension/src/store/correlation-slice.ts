import type { WireRecord } from '@kafka-inspector/shared';
import { RequestFailed, type StreamFrame, type TailHandle, type TailSpec } from '../bridge/client';
import { correlationCel, type TimeWindow } from '../devtools/correlation-filter';
import { type CorrelationId, emptySiteSettings, extractIds, type SiteSettings } from '../devtools/correlation-ids';
import { type CorrelatedRecord, groupRecords, requestWindow, windowStart } from '../devtools/correlation-window';
import type { BodyText, InspectedPage, NoInspectedPage, PageRequest, ThemeName } from '../devtools/inspected-page';
import { prettyJson } from './produce-slice';
import type { Slice } from './types';
import { errorText } from './types';

/** The list keeps the newest requests only: a busy page makes thousands. */
export const MAX_REQUESTS = 300;
/** Searches running at once (each is one tail per topic); follow mode queues the rest. */
export const MAX_SEARCHES = 3;
export const MAX_TOPICS = 5;
/** Records kept per topic and request: an id in every record of a busy topic must not fill the panel. */
export const MAX_RECORDS_PER_TOPIC = 500;
/** A broker that cannot look offsets up by time is searched over this many last records per partition. */
export const FALLBACK_LAST_N = 2_000;
/** After the window closes, tails wait this long for records already produced but not yet fetched. */
const CLOSE_GRACE_MS = 1_500;
/** ...and, on a topic with much to read, at most this long (after the window or the search's start) for the tails to reach the end. */
const MAX_READ_AFTER_WINDOW_MS = 30_000;

export type SearchStatus = 'no-ids' | 'no-topics' | 'queued' | 'searching' | 'done' | 'error';

export interface RequestSearch {
  ids: CorrelationId[];
  window: TimeWindow;
  status: SearchStatus;
  records: CorrelatedRecord[];
  /** Per topic: what its tail is doing, or why it failed. */
  topics: Record<string, string>;
  note: string | null;
}

export interface CorrelationState {
  /** null inside DevTools; otherwise why there is no inspected page. */
  unavailable: NoInspectedPage['reason'] | null;
  site: string | null;
  /** Newest first, at most MAX_REQUESTS. */
  requests: PageRequest[];
  selected: string | null;
  follow: boolean;
  searches: Record<string, RequestSearch>;
  theme: ThemeName | null;
}

export interface CorrelationSlice {
  correlation: CorrelationState;
  /** Connects the view to the inspected page (or says why there is none); returns the detach. */
  attachInspectedPage(page: InspectedPage | NoInspectedPage): () => void;
  requestsArrived(requests: PageRequest[]): void;
  responseBodyArrived(id: string, body: BodyText | null): void;
  selectRequest(id: string | null): void;
  /** Searches the site's topics for the records of a request. */
  correlate(id: string): Promise<void>;
  setFollow(follow: boolean): void;
  setSiteSettings(change: Partial<SiteSettings>): void;
  /** Record -> request: opens the Requests view on it. */
  showRequest(id: string): void;
  /** The request's (or response's) JSON body as the Produce form's value, its ids as headers. */
  produceFromRequest(id: string, body: 'request' | 'response'): void;
  /** A stream frame from the bridge (wired in `wireBridge`): only frames of this view's searches count. */
  receiveCorrelationFrame(handle: TailHandle, frame: StreamFrame): void;
}

export const initialCorrelation = (): CorrelationState => ({ unavailable: null, site: null, requests: [], selected: null, follow: false, searches: {}, theme: null });

/** New requests before the held ones, the oldest dropped past the bound. */
export function withRequests(held: PageRequest[], arrived: PageRequest[]): PageRequest[] {
  const fresh = [...arrived].sort((a, b) => b.startedAt - a.startedAt);
  return fresh.concat(held).slice(0, MAX_REQUESTS);
}

/** One object for "nothing set yet", so selectors that return it see no change (a new one per call would loop renders). */
const NO_SETTINGS: SiteSettings = Object.freeze(emptySiteSettings());

export const siteSettingsOf = (sites: Record<string, SiteSettings>, site: string | null): SiteSettings => (site && sites[site]) || NO_SETTINGS;

export const createCorrelationSlice: Slice<CorrelationSlice> = (bridge) => (set, get) => {
  const patch = (change: Partial<CorrelationState>) => set((state) => ({ correlation: { ...state.correlation, ...change } }));
  const patchSearch = (id: string, change: (search: RequestSearch) => Partial<RequestSearch>) =>
    set((state) => {
      const search = state.correlation.searches[id];
      return search ? { correlation: { ...state.correlation, searches: { ...state.correlation.searches, [id]: { ...search, ...change(search) } } } } : {};
    });
  /** Tails of running searches, by bridge key. */
  const tails = new Map<number, { requestId: string; topic: string; handle: TailHandle; readUp: boolean }>();
  const queue: string[] = [];
  const running = new Set<string>();
  const settings = () => siteSettingsOf(get().preferences.sites, get().correlation.site);

  const finish = async (id: string) => {
    const mine = [...tails.values()].filter((t) => t.requestId === id);
    for (const tail of mine) tails.delete(tail.handle.key);
    running.delete(id);
    patchSearch(id, (s) => ({
      status: s.status === 'searching' ? 'done' : s.status,
      topics: Object.fromEntries(Object.entries(s.topics).map(([topic, state]) => [topic, state === 'searching' ? 'searched' : state])),
    }));
    const next = queue.shift();
    if (next) void run(next);
    // What the view shows is settled; the stops' replies need not be waited for.
    await Promise.all(mine.map((t) => bridge.stopTail(t.handle)));
  };

  const startTopic = async (id: string, topic: string, spec: TailSpec) => {
    try {
      return await bridge.startTail(spec);
    } catch (error) {
      // librdkafka's mock (the demo and test broker) cannot look offsets up by time: search the
      // last records of each partition instead; the filter still keeps only the window.
      if (error instanceof RequestFailed && error.error.code === 'UNSUPPORTED_BY_BROKER' && spec.start.from === 'timestamp') {
        patchSearch(id, () => ({ note: `This broker cannot look offsets up by time: searched the last ${FALLBACK_LAST_N.toLocaleString('en-US')} records of each partition.` }));
        return bridge.startTail({ ...spec, start: { from: 'lastN', count: FALLBACK_LAST_N } });
      }
      throw error;
    }
  };

  const run = async (id: string) => {
    const search = get().correlation.searches[id];
    if (!search) return;
    running.add(id);
    patchSearch(id, () => ({ status: 'searching' }));
    const cel = correlationCel(search.ids.map((i) => i.value), search.window);
    const topics = settings().topics.slice(0, MAX_TOPICS);
    await Promise.all(
      topics.map(async (topic) => {
        try {
          const handle = await startTopic(id, topic, { topic, start: windowStart(search.window), filter: { cel }, limit: MAX_RECORDS_PER_TOPIC });
          if (!running.has(id)) return void bridge.stopTail(handle);
          tails.set(handle.key, { requestId: id, topic, handle, readUp: false });
          patchSearch(id, (s) => ({ topics: { ...s.topics, [topic]: 'searching' } }));
        } catch (error) {
          patchSearch(id, (s) => ({ topics: { ...s.topics, [topic]: `failed: ${errorText(error)}` } }));
        }
      }),
    );
    if (![...tails.values()].some((t) => t.requestId === id)) {
      patchSearch(id, () => ({ status: 'error' }));
      return finish(id);
    }
    // The window may still be open (a request that just finished): keep reading until it closes,
    // then until every tail has read up to the end of its topic (caught-up), within a bound.
    const giveUpAt = Math.max(search.window.to, Date.now()) + MAX_READ_AFTER_WINDOW_MS;
    const check = () => {
      const now = Date.now();
      const mine = [...tails.values()].filter((t) => t.requestId === id);
      if (now >= search.window.to + CLOSE_GRACE_MS && mine.every((t) => t.readUp)) return void finish(id);
      if (now >= giveUpAt) {
        patchSearch(id, (s) => ({ note: [s.note, `Stopped reading after ${MAX_READ_AFTER_WINDOW_MS / 1000} s without reaching the end of every topic: records may be missing.`].filter(Boolean).join(' ') }));
        return void finish(id);
      }
      setTimeout(check, Math.max(250, search.window.to + CLOSE_GRACE_MS - now));
    };
    check();
  };

  const searchFor = (request: PageRequest): RequestSearch => {
    const { topics, ...places } = settings();
    const ids = extractIds(request, places);
    const status: SearchStatus = ids.length === 0 ? 'no-ids' : topics.length === 0 ? 'no-topics' : 'queued';
    return { ids, window: requestWindow(request), status, records: [], topics: Object.fromEntries(topics.slice(0, MAX_TOPICS).map((t) => [t, 'waiting'])), note: null };
  };

  return {
    correlation: initialCorrelation(),
    attachInspectedPage(page) {
      if ('reason' in page) {
        patch({ unavailable: page.reason });
        return () => {};
      }
      patch({ unavailable: null, theme: page.theme() });
      void page.origin().then((site) => patch({ site }));
      void page.recent().then((requests) => get().requestsArrived(requests));
      const off = [
        page.onRequest((request) => get().requestsArrived([request])),
        page.onResponseBody((id, body) => get().responseBodyArrived(id, body)),
        page.onTheme((theme) => patch({ theme })),
        // Another site, other settings: its requests stay listed (as DevTools' Network panel with "preserve log").
        page.onNavigated((site) => patch({ site })),
      ];
      return () => off.forEach((fn) => fn());
    },
    requestsArrived(arrived) {
      if (arrived.length === 0) return;
      const known = new Set(get().correlation.requests.map((r) => r.id));
      const fresh = arrived.filter((r) => !known.has(r.id));
      const requests = withRequests(get().correlation.requests, fresh);
      // A search whose request fell off the list goes with it (one still running finishes first).
      const kept = new Set(requests.map((r) => r.id));
      const searches = Object.fromEntries(Object.entries(get().correlation.searches).filter(([id]) => kept.has(id) || running.has(id)));
      patch({ requests, searches, selected: kept.has(get().correlation.selected ?? '') ? get().correlation.selected : null });
      if (get().correlation.follow) for (const request of fresh) void get().correlate(request.id);
    },
    responseBodyArrived(id, body) {
      patch({ requests: get().correlation.requests.map((r) => (r.id === id ? { ...r, responseBody: body } : r)) });
    },
    selectRequest(selected) {
      patch({ selected });
      if (selected && !get().correlation.searches[selected]) void get().correlate(selected);
    },
    async correlate(id) {
      const request = get().correlation.requests.find((r) => r.id === id);
      if (!request || running.has(id) || queue.includes(id)) return;
      const search = searchFor(request);
      patch({ searches: { ...get().correlation.searches, [id]: search } });
      if (search.status !== 'queued') return;
      if (running.size >= MAX_SEARCHES) queue.push(id);
      else await run(id);
    },
    setFollow: (follow) => patch({ follow }),
    setSiteSettings(change) {
      const site = get().correlation.site;
      if (!site) return;
      const sites = get().preferences.sites;
      get().setPreferences({ sites: { ...sites, [site]: { ...siteSettingsOf(sites, site), ...change } } });
      // What was found with the old settings is stale: searches run again when picked.
      const selected = get().correlation.selected;
      patch({ searches: Object.fromEntries(Object.entries(get().correlation.searches).filter(([id]) => running.has(id) || queue.includes(id))) });
      if (selected) void get().correlate(selected);
    },
    showRequest(id) {
      get().selectRequest(id);
      get().setActiveTab('requests');
    },
    produceFromRequest(id, which) {
      const request = get().correlation.requests.find((r) => r.id === id);
      if (!request) return;
      const body = which === 'request' ? request.requestBody : request.responseBody;
      const ids = get().correlation.searches[id]?.ids ?? extractIds(request, settings());
      const headers = request.requestHeaders.filter((h) => ids.some((i) => i.source.startsWith(`${h.name.toLowerCase()} (`))).map((h) => ({ key: h.name.toLowerCase(), value: h.value }));
      get().setProduceForm({ value: body && !body.binary ? prettyJson(body.text) : '{\n  \n}', valueMode: 'json', tombstone: false, headers, copies: 1, ...(get().produce.form.topic ? {} : { topic: settings().topics[0] ?? '' }) });
      get().setActiveTab('produce');
    },
    receiveCorrelationFrame(handle, frame) {
      const tail = tails.get(handle.key);
      if (!tail) return;
      if (frame.type === 'records') addRecords(tail.requestId, frame.records);
      if (frame.type === 'status') tail.readUp = frame.status === 'caught-up' || frame.status === 'ended' || frame.status === 'error';
      if (frame.type === 'status' && (frame.status === 'ended' || frame.status === 'error')) {
        patchSearch(tail.requestId, (s) => ({ topics: { ...s.topics, [tail.topic]: frame.status === 'error' ? `failed: ${frame.message ?? frame.error?.message ?? 'error'}` : 'read' } }));
      }
    },
  };

  function addRecords(id: string, records: WireRecord[]) {
    const request = get().correlation.requests.find((r) => r.id === id);
    if (!request) return;
    patchSearch(id, (s) => ({ records: groupRecords(s.records, records, request, s.ids.map((i) => i.value), s.window) }));
  }
};
