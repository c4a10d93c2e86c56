/**
 * Real Chrome DevTools for end-to-end tests: headful Chromium under a virtual display (Xvfb) with
 * `--auto-open-devtools-for-tabs`, driven over CDP through Playwright. DevTools' front-end is a
 * page of its own (devtools://devtools/...); extension panels are iframes in it.
 *
 * All glue with DevTools' front-end internals lives here: they are not a stable API. If the
 * import path of InspectorView moves, `showPanel` falls back to DevTools' own shortcuts for the
 * next panel (Ctrl+]) until the Kafka panel is shown.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { CHROMIUM } from './chromium';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-dev-shm-usage'];

/** Starts Xvfb on a free display (it picks one and tells us through -displayfd). */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  xvfb.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.once('error', (error) => reject(new Error(`cannot start Xvfb (scripts/ensure-system-deps.sh xvfb installs it): ${error.message}`)));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`Xvfb gave no display within 10 s: ${stderr}`)), 10_000);
  });
  return { display, process: xvfb };
}

async function startChromium(display: string, userDataDir: string, extensionDir: string, url: string): Promise<{ process: ChildProcess; wsEndpoint: string }> {
  const args = [...FLAGS, '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--auto-open-devtools-for-tabs', '--window-size=1600,1000', url];
  // In a process group of its own, so a hung Chromium and its helpers can be killed together.
  const child = spawn(CHROMIUM, args, { env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = stderr.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`chromium exited with ${code}: ${stderr.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`chromium did not open its debugging port within 30 s: ${stderr.slice(-2000)}`)), 30_000);
  });
  return { process: child, wsEndpoint };
}

async function waitFor<T>(what: string, find: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface DevtoolsSession {
  browser: Browser;
  /** The inspected page. */
  page: Page;
  /** DevTools' own front-end page, docked beside the inspected page. */
  devtools: Page;
  /** Shows the extension panel titled `title` and returns its frame (the panel's page). */
  showPanel(title: string): Promise<Frame>;
  /** Gives DevTools' front-end `width` x `height`, as a user docking it that wide would. */
  resize(width: number, height?: number): Promise<void>;
  /** Switches DevTools' theme (Settings > Preferences > Appearance). */
  setTheme(theme: 'light' | 'dark'): Promise<void>;
  close(): Promise<void>;
}

/** Opens `url` in real Chromium with the extension loaded and DevTools open on it. */
export async function openDevtoolsOn(url: string, extensionDir: string): Promise<DevtoolsSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ki-devtools-'));
  const xvfb = await startXvfb();
  let chrome: ChildProcess | undefined;
  let browser: Browser | undefined;
  const attachToOther = process.env.PW_CHROMIUM_ATTACH_TO_OTHER;
  const close = async () => {
    if (attachToOther === undefined) delete process.env.PW_CHROMIUM_ATTACH_TO_OTHER;
    else process.env.PW_CHROMIUM_ATTACH_TO_OTHER = attachToOther;
    // Browser.close ends Chromium and all its helpers; the process-group kill is for a hung one.
    await browser?.newBrowserCDPSession().then((cdp) => cdp.send('Browser.close')).catch(() => {});
    await browser?.close().catch(() => {});
    if (chrome?.pid && chrome.exitCode === null && chrome.signalCode === null) {
      const exited = new Promise((resolve) => chrome!.once('exit', resolve));
      const timer = setTimeout(() => {
        try {
          process.kill(-chrome!.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }
    xvfb.process.kill('SIGTERM');
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    const started = await startChromium(xvfb.display, userDataDir, extensionDir, url);
    chrome = started.process;
    // Playwright hides DevTools' front-end targets unless told to attach to "other" targets too;
    // only for this session (close() puts it back), so other tests' browsers are not affected.
    process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';
    browser = await chromium.connectOverCDP(started.wsEndpoint);
    const context = browser.contexts()[0]!;
    const page = await waitFor('the inspected page', () => context.pages().find((p) => p.url().startsWith(url)));
    const devtools = await waitFor('the DevTools front-end', () => context.pages().find((p) => p.url().startsWith('devtools://')));
    await devtools.waitForFunction(() => document.readyState === 'complete');
    return {
      browser,
      page,
      devtools,
      async showPanel(title) {
        // Strings, not functions: the test runner would rewrite a function's dynamic import.
        const shown = await devtools
          .evaluate(
            `(async (title) => {
              const legacy = await import('./ui/legacy/legacy.js');
              const view = legacy.InspectorView.InspectorView.instance();
              const find = () => view.tabbedPane.tabIds().find((id) => id.startsWith('chrome-extension://') && id.endsWith(title));
              for (let i = 0; i < 100 && !find(); i++) await new Promise((r) => setTimeout(r, 100));
              if (!find()) return false;
              await view.showPanel(find());
              return true;
            })(${JSON.stringify(title)})`,
          )
          .catch(() => false);
        if (!shown) {
          // Fallback: DevTools' own "next panel" shortcut, until the panel's frame appears.
          for (let i = 0; i < 30 && !devtools.frames().some((f) => f.url().includes('/panel.html')); i++) {
            await devtools.keyboard.press('Control+BracketRight');
            await new Promise((r) => setTimeout(r, 200));
          }
        }
        const frame = await waitFor('the extension panel frame', () => devtools.frames().find((f) => f.url().includes('/panel.html')));
        await frame.waitForLoadState('domcontentloaded');
        return frame;
      },
      async resize(width, height = 760) {
        // Undocked, DevTools' front-end is its own window: give its page the size a docked DevTools
        // would have (emulated, as Chrome keeps real windows at least 500 px wide).
        await devtools.evaluate(`(async () => {
          const legacy = await import('./ui/legacy/legacy.js');
          legacy.DockController.DockController.instance().setDockSide('undocked');
        })()`);
        await devtools.setViewportSize({ width, height });
        await devtools.waitForFunction((w) => innerWidth === w, width, { timeout: 10_000 });
      },
      async setTheme(theme) {
        await devtools.evaluate(`(async () => {
          const common = await import('./core/common/common.js');
          common.Settings.Settings.instance().moduleSetting('ui-theme').set(${JSON.stringify(theme === 'dark' ? 'dark' : 'default')});
        })()`);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
