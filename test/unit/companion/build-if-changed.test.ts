import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputsHash, needsBuild, OUTPUTS, STAMP } from '../../../scripts/build-if-changed';

describe('npm start builds the panel only when its sources changed', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));
  const tree = () => {
    const root = mkdtempSync(join(tmpdir(), 'ki-build-'));
    roots.push(root);
    mkdirSync(join(root, 'extension/src/ui'), { recursive: true });
    writeFileSync(join(root, 'extension/src/ui/App.tsx'), 'a');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    return root;
  };
  const built = (root: string, hash: string) => {
    for (const p of OUTPUTS) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), 'x');
    }
    writeFileSync(join(root, STAMP), `${hash}\n`);
  };

  it('builds a fresh tree, skips an unchanged one, builds again after an edit, an added file or a missing output', () => {
    const root = tree();
    const first = inputsHash(root);
    expect(needsBuild(root, first)).toBe(true);
    built(root, first);
    expect(needsBuild(root, inputsHash(root))).toBe(false);
    writeFileSync(join(root, 'extension/src/ui/App.tsx'), 'b');
    expect(needsBuild(root, inputsHash(root))).toBe(true);
    writeFileSync(join(root, 'extension/src/ui/App.tsx'), 'a');
    expect(inputsHash(root)).toBe(first);
    writeFileSync(join(root, 'extension/src/ui/New.tsx'), '');
    expect(inputsHash(root)).not.toBe(first);
    rmSync(join(root, 'extension/src/ui/New.tsx'));
    rmSync(join(root, OUTPUTS[0]!));
    expect(needsBuild(root, inputsHash(root))).toBe(true);
  });
});
