import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** Fresh folders under the system temp dir, removed after each test. */
export function useTempDirs() {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return {
    async make(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'ki-config-'));
      dirs.push(dir);
      return dir;
    },
    async writeJson(dir: string, name: string, content: unknown, mode = 0o600): Promise<string> {
      const file = join(dir, name);
      await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content), { mode });
      return file;
    },
  };
}
