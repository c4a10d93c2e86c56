/**
 * Everything the panel needs from the browser besides the socket: where pairing is stored, the
 * DevTools theme, the clipboard and downloads. The extension uses chrome.*; the standalone page
 * the web equivalents.
 */
import { NATIVE_HOST_NAME, type NativeHostRequest, NativeHostReplySchema, type NativeHostReply } from '@kafka-inspector/shared';

export type Mode = 'extension' | 'standalone';

export interface Pairing {
  url: string;
  token: string;
}

interface ChromeLike {
  storage?: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> } };
  devtools?: { panels?: { themeName?: string } };
  runtime?: { sendNativeMessage?(host: string, message: NativeHostRequest): Promise<unknown> };
}

const chromeApi = (): ChromeLike | undefined => (globalThis as { chrome?: ChromeLike }).chrome;
const KEY = 'kafka-inspector:pairing';

export const DEFAULT_COMPANION_WS = 'ws://127.0.0.1:7341/ws';

export async function loadPairing(mode: Mode): Promise<Pairing | null> {
  if (mode === 'standalone') {
    // The companion prints http://127.0.0.1:7341/#token=...; take it, then drop it from the address bar.
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    if (fromHash) {
      history.replaceState(null, '', location.pathname + location.search);
      await savePairing(mode, { url, token: fromHash });
      return { url, token: fromHash };
    }
    const stored = localStorage.getItem(KEY);
    return stored ? { url, token: (JSON.parse(stored) as Pairing).token } : null;
  }
  const storage = chromeApi()?.storage?.local;
  const stored = storage ? ((await storage.get(KEY))[KEY] as Pairing | undefined) : undefined;
  return stored ?? null;
}

export async function savePairing(mode: Mode, pairing: Pairing): Promise<void> {
  const storage = chromeApi()?.storage?.local;
  if (mode === 'extension' && storage) await storage.set({ [KEY]: pairing });
  else localStorage.setItem(KEY, JSON.stringify(pairing));
}

export async function forgetPairing(mode: Mode): Promise<void> {
  const storage = chromeApi()?.storage?.local;
  if (mode === 'extension' && storage) await storage.remove(KEY);
  else localStorage.removeItem(KEY);
}

/**
 * What asking the companion's browser host (`kafka-inspector install-browser-host`) gave: its
 * reply, or `not-installed` when Chrome has no host of that name for this extension, or
 * `unavailable` where there is no native messaging (the standalone page).
 */
export type HostLookup = NativeHostReply | { type: 'not-installed' } | { type: 'unavailable' };

export async function askCompanionHost(mode: Mode): Promise<HostLookup> {
  const runtime = chromeApi()?.runtime;
  if (mode !== 'extension' || !runtime?.sendNativeMessage) return { type: 'unavailable' };
  try {
    const reply = NativeHostReplySchema.safeParse(await runtime.sendNativeMessage(NATIVE_HOST_NAME, { type: 'find-companion' }));
    return reply.success ? reply.data : { type: 'error', message: 'the browser host gave an answer this panel does not understand: update the companion' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Chrome's wording when no manifest of that name lists this extension's origin.
    if (/not found|forbidden/i.test(message)) return { type: 'not-installed' };
    return { type: 'error', message: `the browser host failed: ${message}` };
  }
}

/** 'dark' or 'light': the DevTools theme in the panel, the system's elsewhere. */
export function preferredTheme(): 'dark' | 'light' {
  const devtools = chromeApi()?.devtools?.panels?.themeName;
  if (devtools) return devtools === 'dark' ? 'dark' : 'light';
  return matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // DevTools panels may lack clipboard permission: fall back to a selected textarea.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

export function download(name: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
