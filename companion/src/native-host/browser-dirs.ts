import { join } from 'node:path';

export type Browser = 'chrome' | 'chromium' | 'edge' | 'brave';

export interface BrowserHostDir {
  browser: Browser;
  /** The browser's user folder: when it is missing the browser is taken as not installed. */
  profileRoot: string;
  /** Where the browser reads per-user native-messaging host manifests. */
  hostsDir: string;
}

/** Each browser's user folder under ~/.config (Linux) and ~/Library/Application Support (macOS). */
const ROOTS: Record<Browser, { linux: string; darwin: string }> = {
  chrome: { linux: 'google-chrome', darwin: 'Google/Chrome' },
  chromium: { linux: 'chromium', darwin: 'Chromium' },
  edge: { linux: 'microsoft-edge', darwin: 'Microsoft Edge' },
  brave: { linux: 'BraveSoftware/Brave-Browser', darwin: 'BraveSoftware/Brave-Browser' },
};

/**
 * The per-user NativeMessagingHosts folders of Chrome, Chromium, Edge and Brave (Chrome's
 * "Native messaging" docs, "Native messaging host location"). Linux honours $XDG_CONFIG_HOME as the
 * browsers do; other platforms get none (Windows registers hosts in the registry).
 */
export function browserHostDirs(platform: NodeJS.Platform, home: string, env: Readonly<Record<string, string | undefined>> = {}): BrowserHostDir[] {
  if (platform !== 'linux' && platform !== 'darwin') return [];
  const xdg = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  const base = platform === 'linux' ? xdg : join(home, 'Library/Application Support');
  return (Object.keys(ROOTS) as Browser[]).map((browser) => {
    const profileRoot = join(base, ROOTS[browser][platform]);
    return { browser, profileRoot, hostsDir: join(profileRoot, 'NativeMessagingHosts') };
  });
}
