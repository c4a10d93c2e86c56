import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isWebSocketPath } from '../../../../companion/src/server/request-guards';
import { securityHeadersFor } from '../../../../companion/src/server/security-headers';
import { notBuiltPage } from '../../../../companion/src/server/not-built-page';

describe('security headers for HTML', () => {
  it('forbid framing and allow only same-origin scripts, styles and connections', () => {
    const headers = securityHeadersFor(null);
    expect(headers['x-frame-options']).toBe('DENY');
    const csp = headers['content-security-policy'];
    for (const directive of ["frame-ancestors 'none'", "script-src 'self'", "connect-src 'self'", "default-src 'none'", "style-src 'self'"]) expect(csp).toContain(directive);
    expect(csp).not.toContain('unsafe');
  });

  it("let a page's own inline <style> through by its hash, and nothing else inline", () => {
    const page = notBuiltPage();
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const hash = createHash('sha256').update(css).digest('base64');
    expect(securityHeadersFor(page)['content-security-policy']).toContain(`style-src 'self' 'sha256-${hash}'`);
  });
});

describe('isWebSocketPath', () => {
  it('is exactly /ws, a query aside', () => {
    expect(['/ws', '/ws?x=1'].map(isWebSocketPath)).toEqual([true, true]);
    expect(['/', '/healthz', '/WS', '//ws', '/ws/', '/ws/../ws', '/wss', ''].map(isWebSocketPath)).toEqual([false, false, false, false, false, false, false, false]);
  });
});
