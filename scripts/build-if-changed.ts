/**
 * `npm start` builds the panel only when its inputs changed since the last build: a hash of every
 * file under the panel's sources (and the shared protocol, the lockfile, the build configs) is kept
 * beside the output. A fresh checkout or any edit builds; an unchanged tree starts at once (the
 * build is most of a 19 s start). `--force` builds anyway.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const INPUTS = ['extension/src', 'extension/entrypoints', 'extension/public', 'extension/standalone', 'extension/wxt.config.ts', 'extension/vite.standalone.config.ts', 'extension/package.json', 'extension/tsconfig.json', 'shared/src', 'package-lock.json'];
export const OUTPUTS = ['extension/.output/chrome-mv3/manifest.json', 'extension/dist/standalone/index.html'];
export const STAMP = 'extension/.output/.build-inputs';

function files(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(root, join(path, name)));
}

/** One hash over the inputs' paths and contents: any edit, addition, removal or rename changes it. */
export function inputsHash(root: string, inputs = INPUTS): string {
  const hash = createHash('sha256');
  for (const path of inputs.flatMap((p) => files(root, p))) hash.update(`${relative(root, join(root, path))}\0`).update(readFileSync(join(root, path))).update('\0');
  return hash.digest('hex');
}

/** Whether to build: no outputs yet, no stamp, or a stamp of other inputs. */
export function needsBuild(root: string, hash: string): boolean {
  if (!OUTPUTS.every((p) => existsSync(join(root, p)))) return true;
  const stamp = join(root, STAMP);
  return !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== hash;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const root = process.cwd();
  const hash = inputsHash(root);
  if (process.argv.includes('--force') || needsBuild(root, hash)) {
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
    writeFileSync(join(root, STAMP), `${hash}\n`);
  } else {
    console.log('Panel build is up to date (no source changed since the last build).');
  }
}
