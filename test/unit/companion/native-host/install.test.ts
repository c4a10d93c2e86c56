import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NATIVE_HOST_NAME } from '@kafka-inspector/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { browserHostDirs } from '../../../../companion/src/native-host/browser-dirs';
import { hostManifest, installBrowserHost, launcherPath, launcherScript, uninstallBrowserHost } from '../../../../companion/src/native-host/install';

const ID = 'aplccphbifaddkbhjmcncgnadpkbehnk';
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ki-host-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('browserHostDirs', () => {
  it('knows Chrome, Chromium, Edge and Brave on Linux (XDG aware) and macOS, and nothing elsewhere', () => {
    expect(browserHostDirs('linux', '/home/u').map((d) => d.hostsDir)).toEqual([
      '/home/u/.config/google-chrome/NativeMessagingHosts',
      '/home/u/.config/chromium/NativeMessagingHosts',
      '/home/u/.config/microsoft-edge/NativeMessagingHosts',
      '/home/u/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts',
    ]);
    expect(browserHostDirs('linux', '/home/u', { XDG_CONFIG_HOME: '/x' })[0]!.hostsDir).toBe('/x/google-chrome/NativeMessagingHosts');
    expect(browserHostDirs('linux', '/home/u', { XDG_CONFIG_HOME: 'relative' })[0]!.hostsDir).toBe('/home/u/.config/google-chrome/NativeMessagingHosts');
    expect(browserHostDirs('darwin', '/Users/u').map((d) => d.hostsDir)).toEqual([
      '/Users/u/Library/Application Support/Google/Chrome/NativeMessagingHosts',
      '/Users/u/Library/Application Support/Chromium/NativeMessagingHosts',
      '/Users/u/Library/Application Support/Microsoft Edge/NativeMessagingHosts',
      '/Users/u/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts',
    ]);
    expect(browserHostDirs('win32', 'C:\\Users\\u')).toEqual([]);
  });
});

describe('the host manifest', () => {
  it('allows only our extension, over stdio, at the launcher', () => {
    expect(hostManifest('/c/native-host/kafka-inspector-host', ID)).toEqual({
      name: NATIVE_HOST_NAME,
      description: expect.any(String),
      path: '/c/native-host/kafka-inspector-host',
      type: 'stdio',
      allowed_origins: [`chrome-extension://${ID}/`],
    });
    expect(NATIVE_HOST_NAME).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
    expect(() => hostManifest('/x', '*')).toThrow();
  });

  it("launcher: a shell script that quotes every path and passes Chrome's arguments on", () => {
    const script = launcherScript({ configDir: "/tmp/it's here", node: '/usr/bin/node', entry: '/opt/k i/bin.js' });
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    // Run it with printf in place of node, to see exactly the words and environment the shell builds.
    const file = join(tempDir(), 'launcher');
    writeFileSync(file, script.replace("'/usr/bin/node'", `sh -c 'printf "%s|" "$KAFKA_INSPECTOR_CONFIG_DIR" "$@"' sh`));
    expect(execFileSync('sh', [file, 'chrome-extension://x/', '--parent-window=0'], { encoding: 'utf8' })).toBe("/tmp/it's here|/opt/k i/bin.js|native-host|chrome-extension://x/|--parent-window=0|");
  });
});

describe('install-browser-host / uninstall-browser-host', () => {
  it('--browser-dir: writes the manifest there and a 0700 launcher in the config dir; uninstall removes both', async () => {
    const root = tempDir();
    const configDir = join(root, 'config');
    const hosts = join(root, 'profile/NativeMessagingHosts');
    const result = await installBrowserHost({ extensionId: ID, configDir, node: '/usr/bin/node', entry: '/e.js', targets: { dirs: [hosts] } });
    const file = join(hosts, `${NATIVE_HOST_NAME}.json`);
    expect(result).toEqual({ launcher: launcherPath(configDir), manifests: [file], skipped: [] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(hostManifest(launcherPath(configDir), ID));
    expect(statSync(launcherPath(configDir)).mode & 0o777).toBe(0o700);
    expect(await uninstallBrowserHost(configDir, [hosts])).toEqual([file, launcherPath(configDir)]);
    expect(existsSync(file) || existsSync(launcherPath(configDir))).toBe(false);
    expect(await uninstallBrowserHost(configDir, [hosts])).toEqual([]);
  });

  it('into the browsers found: only those whose user folder exists', async () => {
    const home = tempDir();
    mkdirSync(join(home, '.config/chromium'), { recursive: true });
    mkdirSync(join(home, '.config/BraveSoftware/Brave-Browser'), { recursive: true });
    const result = await installBrowserHost({ extensionId: ID, configDir: join(home, 'cfg'), node: '/n', entry: '/e', targets: { browsers: browserHostDirs('linux', home) } });
    expect(result.manifests).toEqual([
      join(home, `.config/chromium/NativeMessagingHosts/${NATIVE_HOST_NAME}.json`),
      join(home, `.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/${NATIVE_HOST_NAME}.json`),
    ]);
    expect(result.skipped).toEqual(['chrome', 'edge']);
  });
});
