import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NATIVE_HOST_NAME } from '@kafka-inspector/shared';
import type { BrowserHostDir } from './browser-dirs';

export interface InstallOptions {
  /** The extension allowed to talk to the host: the only entry of `allowed_origins`. */
  extensionId: string;
  /** The companion's config dir: the launcher lives there and tells the host where to look. */
  configDir: string;
  /** How to run this companion again: Node and the entry script, as absolute paths. */
  node: string;
  entry: string;
  /** Known browsers (installed into when their user folder exists) or, with --browser-dir, exact folders. */
  targets: { browsers: BrowserHostDir[] } | { dirs: string[] };
}

export interface InstallResult {
  launcher: string;
  manifests: string[];
  /** Browsers skipped because their user folder does not exist. */
  skipped: string[];
}

export const launcherPath = (configDir: string) => join(configDir, 'native-host', 'kafka-inspector-host');
export const manifestFileName = `${NATIVE_HOST_NAME}.json`;

/** Chrome's host manifest: stdio, the launcher's absolute path, and only our extension's origin. */
export function hostManifest(launcher: string, extensionId: string) {
  if (!/^[a-p]{32}$/.test(extensionId)) throw new Error(`"${extensionId}" is not a Chrome extension id`);
  return {
    name: NATIVE_HOST_NAME,
    description: 'Kafka Inspector: tells the extension where the running companion is, so it pairs without a pasted token',
    path: launcher,
    type: 'stdio',
    allowed_origins: [`chrome-extension://${extensionId}/`],
  };
}

/** A POSIX shell word: single-quoted, with embedded quotes closed, escaped and reopened. */
const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * The script Chrome starts. Browsers start hosts with their own environment, so the config dir is
 * written in; Chrome passes the caller's origin as the first argument, which the host checks too.
 */
export function launcherScript(options: Pick<InstallOptions, 'configDir' | 'node' | 'entry'>): string {
  return [
    '#!/bin/sh',
    '# Written by `kafka-inspector install-browser-host`; removed by `kafka-inspector uninstall-browser-host`.',
    `KAFKA_INSPECTOR_CONFIG_DIR=${shellQuote(options.configDir)} exec ${shellQuote(options.node)} ${shellQuote(options.entry)} native-host "$@"`,
    '',
  ].join('\n');
}

export async function installBrowserHost(options: InstallOptions): Promise<InstallResult> {
  const launcher = launcherPath(options.configDir);
  await mkdir(join(options.configDir, 'native-host'), { recursive: true, mode: 0o700 });
  await writeFile(launcher, launcherScript(options), { mode: 0o700 });
  await chmod(launcher, 0o700);
  const manifest = `${JSON.stringify(hostManifest(launcher, options.extensionId), null, 2)}\n`;
  const manifests: string[] = [];
  const skipped: string[] = [];
  const dirs =
    'dirs' in options.targets
      ? options.targets.dirs
      : options.targets.browsers.flatMap((target) => (existsSync(target.profileRoot) ? [target.hostsDir] : (skipped.push(target.browser), [])));
  for (const dir of dirs) {
    await mkdir(dir, { recursive: true });
    const file = join(dir, manifestFileName);
    await writeFile(file, manifest, { mode: 0o644 });
    manifests.push(file);
  }
  return { launcher, manifests, skipped };
}

/** Removes the manifests from every folder given and the launcher; returns the files removed. */
export async function uninstallBrowserHost(configDir: string, dirs: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const file of [...dirs.map((dir) => join(dir, manifestFileName)), launcherPath(configDir)]) {
    if (!existsSync(file)) continue;
    await rm(file, { force: true });
    removed.push(file);
  }
  return removed;
}
