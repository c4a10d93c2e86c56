import { afterEach, describe, expect, it } from 'vitest';
import { openInspectedPage } from '../../../../extension/src/devtools/chrome-inspected-page';
import type { HarEntry } from '../../../../extension/src/devtools/har';
import type { BodyText, InspectedPage, PageRequest } from '../../../../extension/src/devtools/inspected-page';

/** chrome.devtools as DevTools gives it to a panel, played by the test. */
function fakeDevtools() {
  const finished = new Set<(entry: unknown) => void>();
  const navigated = new Set<(url: string) => void>();
  let themeHandler: ((name: string) => void) | undefined;
  const entry = (path: string, at: string): HarEntry => ({
    startedDateTime: at,
    time: 12.6,
    request: { method: 'GET', url: `https://shop.test${path}`, headers: [{ name: 'x-request-id', value: 'req-000001' }] },
    response: { status: 200, headers: [], content: { size: 17, mimeType: 'application/json' } },
  });
  const devtools = {
    inspectedWindow: { tabId: 7, eval: (expression: string, callback: (result: unknown) => void) => callback(expression === 'location.origin' ? 'https://shop.test' : undefined) },
    network: {
      getHAR: (callback: (har: { entries: HarEntry[] }) => void) => callback({ entries: [entry('/a', '2026-11-25T10:00:00.000Z')] }),
      onRequestFinished: { addListener: (fn: (e: unknown) => void) => finished.add(fn), removeListener: (fn: (e: unknown) => void) => finished.delete(fn) },
      onNavigated: { addListener: (fn: (url: string) => void) => navigated.add(fn), removeListener: (fn: (url: string) => void) => navigated.delete(fn) },
    },
    panels: { themeName: 'dark', setThemeChangeHandler: (fn?: (name: string) => void) => (themeHandler = fn) },
  };
  return {
    devtools,
    finish(path: string, body: string) {
      const e = { ...entry(path, '2026-11-25T10:00:01.000Z'), getContent: (cb: (content: string, encoding: string) => void) => cb(body, '') };
      for (const fn of finished) fn(e);
    },
    navigate: (url: string) => navigated.forEach((fn) => fn(url)),
    changeTheme: (name: string) => themeHandler?.(name),
    listeners: () => finished.size + navigated.size,
  };
}

describe('the inspected page through chrome.devtools', () => {
  const g = globalThis as { chrome?: unknown };
  afterEach(() => delete g.chrome);

  it('is absent on the standalone page and outside DevTools, and says which', () => {
    expect(openInspectedPage('standalone')).toEqual({ reason: 'standalone' });
    g.chrome = { storage: {} };
    expect(openInspectedPage('extension')).toEqual({ reason: 'outside-devtools' });
  });

  it('gives the origin, the HAR so far, each finished request with its response body, navigation and theme changes', async () => {
    const fake = fakeDevtools();
    g.chrome = { devtools: fake.devtools };
    const page = openInspectedPage('extension') as InspectedPage;
    expect(await page.origin()).toBe('https://shop.test');
    const recent = await page.recent();
    expect(recent.map((r) => [r.id, r.url, r.startedAt, r.durationMs])).toEqual([['r0', 'https://shop.test/a', Date.parse('2026-11-25T10:00:00.000Z'), 13]]);

    const arrived: PageRequest[] = [];
    const bodies: Array<[string, BodyText | null]> = [];
    const origins: string[] = [];
    const themes: string[] = [];
    const off = [page.onRequest((r) => arrived.push(r)), page.onResponseBody((id, body) => bodies.push([id, body])), page.onNavigated((o) => origins.push(o)), page.onTheme((t) => themes.push(t))];
    fake.finish('/b', '{"orderId":"o-1"}');
    expect(arrived.map((r) => [r.id, r.url])).toEqual([['r1', 'https://shop.test/b']]);
    expect(bodies).toEqual([['r1', { text: '{"orderId":"o-1"}', mimeType: 'application/json', size: 17, truncated: false, binary: false }]]);
    fake.navigate('https://other.test/checkout?x=1');
    expect(origins).toEqual(['https://other.test']);
    expect(page.theme()).toBe('dark');
    fake.changeTheme('default');
    expect([page.theme(), themes]).toEqual(['light', ['light']]);
    off.forEach((fn) => fn());
    expect(fake.listeners()).toBe(0);
  });
});
