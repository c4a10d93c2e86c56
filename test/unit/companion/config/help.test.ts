import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../../../companion/src/config/help';
import { MIN_TOKEN_LENGTH } from '../../../../companion/src/config/token';

describe('where the token is given (issue 16, security 5)', () => {
  it('--help says that --token shows in /proc/<pid>/cmdline and points to the environment variable or the token file', () => {
    const help = helpText();
    const tokenLines = help.slice(help.indexOf('--token'), help.indexOf('--extension-id'));
    expect(tokenLines).toMatch(/\/proc\/<pid>\/cmdline/);
    expect(tokenLines).toMatch(/KAFKA_INSPECTOR_TOKEN/);
    expect(tokenLines).toMatch(/token file|<config dir>\/token/);
    expect(tokenLines).toContain(`at least ${MIN_TOKEN_LENGTH}`);
  });

  it("README's security model says the same", () => {
    const readme = readFileSync('README.md', 'utf8');
    const security = readme.slice(readme.indexOf('## Security model'), readme.indexOf('## Protocol'));
    expect(security).toMatch(/\/proc\/<pid>\/cmdline/);
    expect(security).toMatch(/KAFKA_INSPECTOR_TOKEN/);
  });
});
