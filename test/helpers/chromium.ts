import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve('test-output/screenshots');

/**
 * The flags this machine needs: no sandbox as root, and no background networking, whose refused
 * connections to Google's hosts otherwise flood a closed network (env/machines/node.md).
 */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];

export interface Browser {
  context: BrowserContext;
  /** The temporary profile (--user-data-dir), removed on close. */
  userDataDir: string;
  close(): Promise<void>;
}

/** Real Chromium (Debian's), headless, optionally with an unpacked extension loaded. */
export async function launchChromium(options: { extensionDir?: string; beforeLaunch?: (userDataDir: string) => void } = {}): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ki-chromium-'));
  options.beforeLaunch?.(userDataDir);
  const args = [...FLAGS];
  if (options.extensionDir) args.push(`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args, viewport: { width: 1280, height: 800 } });
  return {
    context,
    userDataDir,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under test-output/screenshots, for people to look at after a run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
