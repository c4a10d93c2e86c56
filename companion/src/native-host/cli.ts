import { homedir } from 'node:os';
import { realpathSync } from 'node:fs';
import type { Subcommand } from '../config';
import { browserHostDirs } from './browser-dirs';
import { installBrowserHost, uninstallBrowserHost } from './install';
import { removeRunningFile, writeRunningFile } from './running-file';
import { runNativeHost } from './host';

type Write = (text: string) => void;

/** Runs `install-browser-host`, `uninstall-browser-host` or `native-host`; returns the exit code. */
export async function runHostCommand(sub: Subcommand, extensionId: string | null, out: Write, err: Write): Promise<number> {
  if (sub.command === 'native-host') {
    return runNativeHost(sub.args, sub.configDir, extensionId, { input: process.stdin, output: process.stdout, log: (line) => err(`${line}\n`) });
  }
  const browsers = browserHostDirs(process.platform, homedir(), process.env);
  if (sub.command === 'uninstall-browser-host') {
    const removed = await uninstallBrowserHost(sub.configDir, sub.browserDirs ?? browsers.map((b) => b.hostsDir));
    out(removed.length ? `Removed:\n${removed.map((file) => `  ${file}\n`).join('')}` : 'Nothing to remove: the browser host was not installed.\n');
    return 0;
  }
  if (!extensionId) {
    err('kafka-inspector: the Kafka Inspector extension id is unknown (extension/extension-key.json is missing), so no browser host can be installed\n');
    return 1;
  }
  if (!sub.browserDirs && browsers.length === 0) {
    err(`kafka-inspector: install-browser-host knows the browsers' folders on Linux and macOS only; use --browser-dir DIR\n`);
    return 1;
  }
  const result = await installBrowserHost({
    extensionId,
    configDir: sub.configDir,
    node: process.execPath,
    // The script this process runs (a global install's bin is a symlink: follow it).
    entry: realpathSync(process.argv[1]!),
    targets: sub.browserDirs ? { dirs: sub.browserDirs } : { browsers },
  });
  if (result.manifests.length === 0) {
    err(`kafka-inspector: none of Chrome, Chromium, Edge or Brave has a user folder here (${browsers.map((b) => b.profileRoot).join(', ')}); start the browser once, or use --browser-dir DIR\n`);
    return 1;
  }
  out(
    `Browser host installed: the Kafka Inspector extension (${extensionId}) now finds a running companion by itself.\n` +
      `  launcher: ${result.launcher}\n${result.manifests.map((file) => `  manifest: ${file}\n`).join('')}` +
      (result.skipped.length ? `  not installed (no user folder): ${result.skipped.join(', ')}\n` : '') +
      'No browser restart needed: press Find my companion in the panel. Undo with: kafka-inspector uninstall-browser-host\n',
  );
  return 0;
}

/**
 * The companion says where it runs (for the host) while it runs; the file goes at exit. Best
 * effort: a config dir it cannot write costs the browser host its answer, never the companion its start.
 */
export async function announceRunning(configDir: string, url: string, tokenFile: string | null, warn: Write): Promise<void> {
  try {
    await writeRunningFile(configDir, { url, pid: process.pid, tokenFile });
    process.once('exit', () => removeRunningFile(configDir));
  } catch (error) {
    warn(`kafka-inspector: the browser host will not find this companion (${(error as Error).message})\n`);
  }
}

