/**
 * The inspected page through `chrome.devtools.*`, which exists only in a page DevTools opened (the
 * Kafka panel inside DevTools). The one place the panel touches those APIs; the rest reads
 * `InspectedPage`.
 */
import { boundedBody, type HarEntry, requestFromHar } from './har';
import type { BodyText, InspectedPage, NoInspectedPage, ThemeName } from './inspected-page';

type HarRequest = HarEntry & { getContent?(callback: (content: string | null, encoding: string) => void): void };

interface DevtoolsApi {
  inspectedWindow: { tabId: number; eval(expression: string, callback: (result: unknown, error?: unknown) => void): void };
  network: {
    getHAR(callback: (har: { entries?: HarRequest[] }) => void): void;
    onRequestFinished: { addListener(fn: (request: HarRequest) => void): void; removeListener(fn: (request: HarRequest) => void): void };
    onNavigated: { addListener(fn: (url: string) => void): void; removeListener(fn: (url: string) => void): void };
  };
  panels: { themeName?: string; setThemeChangeHandler?(fn?: (themeName: string) => void): void };
}

const devtoolsApi = (): DevtoolsApi | undefined => {
  const api = (globalThis as { chrome?: { devtools?: Partial<DevtoolsApi> } }).chrome?.devtools;
  return api?.network && api.inspectedWindow && api.panels ? (api as DevtoolsApi) : undefined;
};

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return 'unknown site';
  }
};

export const themeOf = (name: string | undefined): ThemeName => (name === 'dark' ? 'dark' : 'light');

/** The inspected page when this panel runs inside DevTools; otherwise why not. */
export function openInspectedPage(mode: 'extension' | 'standalone'): InspectedPage | NoInspectedPage {
  if (mode === 'standalone') return { reason: 'standalone' };
  const api = devtoolsApi();
  if (!api) return { reason: 'outside-devtools' };
  let seq = 0;
  let theme = themeOf(api.panels.themeName);
  const themeListeners = new Set<(theme: ThemeName) => void>();
  api.panels.setThemeChangeHandler?.((name) => {
    theme = themeOf(name);
    for (const listener of themeListeners) listener(theme);
  });
  const bodyListeners = new Set<(id: string, body: BodyText | null) => void>();
  // DevTools keeps the response body apart from the HAR entry: ask for it once the request is reported.
  const fetchBody = (entry: HarRequest, id: string) => {
    if (!entry.getContent || entry.response.content?.text !== undefined) return;
    entry.getContent((content, encoding) => {
      const body = boundedBody(content ?? undefined, entry.response.content?.mimeType, encoding, entry.response.content?.size);
      for (const listener of bodyListeners) listener(id, body);
    });
  };
  const convert = (entry: HarRequest) => {
    const request = requestFromHar(entry, seq++);
    fetchBody(entry, request.id);
    return request;
  };
  return {
    // A constant expression evaluated in the page: its origin, which names the site's settings.
    origin: () => new Promise((resolve) => api.inspectedWindow.eval('location.origin', (result) => resolve(typeof result === 'string' ? result : 'unknown site'))),
    recent: () => new Promise((resolve) => api.network.getHAR((har) => resolve((har.entries ?? []).map(convert)))),
    onRequest(listener) {
      const fn = (entry: HarRequest) => listener(convert(entry));
      api.network.onRequestFinished.addListener(fn);
      return () => api.network.onRequestFinished.removeListener(fn);
    },
    onResponseBody(listener) {
      bodyListeners.add(listener);
      return () => bodyListeners.delete(listener);
    },
    onNavigated(listener) {
      const fn = (url: string) => listener(originOf(url));
      api.network.onNavigated.addListener(fn);
      return () => api.network.onNavigated.removeListener(fn);
    },
    theme: () => theme,
    onTheme(listener) {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
  };
}
