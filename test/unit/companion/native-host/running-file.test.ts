import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRunningFile, writeRunningFile } from '../../../../companion/src/native-host/running-file';

describe('the running file', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  // A first start with --token or KAFKA_INSPECTOR_TOKEN writes no token file, so nothing else made
  // the config dir: the companion crashed at start with ENOENT before this.
  it('creates a missing config dir (0700) instead of failing the start', async () => {
    const base = mkdtempSync(join(tmpdir(), 'ki-running-'));
    dirs.push(base);
    const configDir = join(base, 'not-yet', 'kafka-inspector');
    const info = { url: 'http://127.0.0.1:7341', pid: 4242, tokenFile: null };
    const file = await writeRunningFile(configDir, info);
    expect(statSync(configDir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readRunningFile(configDir)).toEqual(info);
  });
});
