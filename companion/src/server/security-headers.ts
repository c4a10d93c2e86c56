import { createHash } from 'node:crypto';

/**
 * Headers for every HTML response (issue 16, security 2). The standalone UI holds a paired socket,
 * so a page on another port must not frame it and trick clicks into it: `frame-ancestors 'none'`,
 * and `X-Frame-Options: DENY` for browsers that predate it.
 *
 * The rest of the policy fits the built UI (extension/dist/standalone): its script and stylesheet
 * are files of the same origin, React sets styles through the CSSOM (which `style-src` does not
 * govern), and its only connection is the WebSocket to this companion ('self' covers ws: on the
 * same host and port). A page with an inline `<style>` (the not-built page) gets that block's hash.
 */
const BASE_POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function contentSecurityPolicy(inlineStyles: readonly string[] = []): string {
  const hashes = inlineStyles.map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
  const policy = { ...BASE_POLICY, 'style-src': [...BASE_POLICY['style-src'], ...hashes] };
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** The inline `<style>` blocks of a page served as a string (files from disk have none). */
const inlineStylesOf = (payload: unknown): string[] =>
  typeof payload === 'string' ? [...payload.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!) : [];

export function securityHeadersFor(payload: unknown): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(inlineStylesOf(payload)),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
