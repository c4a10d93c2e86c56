/**
 * The page DevTools inspects, as the panel sees it: its finished requests and DevTools' theme.
 * `chrome-inspected-page.ts` feeds it from `chrome.devtools.*` (only inside DevTools);
 * `createHarInspectedPage` feeds it a recorded HAR, through the same entry conversion, for tests.
 * Everything after this interface is ours and pure.
 */
import { type HarEntry, requestFromHar } from './har';

export interface NameValue {
  name: string;
  value: string;
}

/** A body as the panel keeps it: text cut at a bound, and whether it was cut or is not text at all. */
export interface BodyText {
  text: string;
  mimeType: string;
  /** The body's full size in characters (HAR text) or bytes (binary), before any cut. */
  size: number;
  truncated: boolean;
  binary: boolean;
}

export interface PageRequest {
  /** Unique within this panel's life: the order DevTools reported it in and its start time. */
  id: string;
  method: string;
  url: string;
  /** 0 when no response came (failed, blocked, cancelled). */
  status: number;
  /** ms since the epoch, as DevTools recorded the request's start. */
  startedAt: number;
  durationMs: number;
  requestHeaders: NameValue[];
  responseHeaders: NameValue[];
  requestBody: BodyText | null;
  /** Filled in when DevTools gives the content (asynchronously, after the request finished). */
  responseBody: BodyText | null;
}

export type ThemeName = 'dark' | 'light';

export interface InspectedPage {
  /** The inspected page's origin (`https://shop.example`): per-site settings hang on it. */
  origin(): Promise<string>;
  /** Requests DevTools already holds (its HAR), oldest first. */
  recent(): Promise<PageRequest[]>;
  /** Each request as it finishes; returns the unsubscribe. */
  onRequest(listener: (request: PageRequest) => void): () => void;
  /** A request's response body arrived after the request itself. */
  onResponseBody(listener: (id: string, body: BodyText | null) => void): () => void;
  /** The inspected tab went to another page; gives the new origin. */
  onNavigated(listener: (origin: string) => void): () => void;
  theme(): ThemeName;
  onTheme(listener: (theme: ThemeName) => void): () => void;
}

/** Why there is no inspected page: said to the user where the DevTools parts would be. */
export type NoInspectedPage = { reason: 'standalone' | 'outside-devtools' };

export const noPageText: Record<NoInspectedPage['reason'], string> = {
  standalone:
    'This page is the standalone Kafka Inspector: no browser tab is inspected here, so there are no requests to correlate. Open the Kafka panel in Chrome DevTools beside your app to see its requests and the records they caused. Everything else works here.',
  'outside-devtools':
    'This panel page was opened outside DevTools, so no page is inspected and there are no requests to correlate. Open DevTools on your app and choose the Kafka panel. Everything else works here.',
};

/** A recorded HAR (Chromium's `recordHar`, or DevTools' "Save all as HAR") as an inspected page. */
export function createHarInspectedPage(entries: HarEntry[], origin: string, theme: ThemeName = 'light'): InspectedPage & { add(entry: HarEntry): void } {
  const listeners = new Set<(request: PageRequest) => void>();
  const held = entries.map((entry, i) => requestFromHar(entry, i));
  return {
    origin: async () => origin,
    recent: async () => held,
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResponseBody: () => () => {},
    onNavigated: () => () => {},
    theme: () => theme,
    onTheme: () => () => {},
    add(entry) {
      const request = requestFromHar(entry, held.length);
      held.push(request);
      for (const listener of listeners) listener(request);
    },
  };
}
