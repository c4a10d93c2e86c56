/**
 * Who may call the HTTP bridge from a browser, and the CORS headers it gets. Pure, so every rule
 * is unit-tested.
 *
 * - no Origin: not a browser page's cross-origin request (curl, a test runner); the token decides;
 * - an origin from `--allow-origin`: answered with CORS for exactly that origin (never `*`, never
 *   `Access-Control-Allow-Credentials`: the bearer token is the credential, cookies mean nothing here);
 * - the companion's own page and allowed extensions (the WebSocket's rule): same-origin, no CORS needed;
 * - every other origin, `null` included: refused before anything is read or produced.
 */
export type OriginVerdict = { kind: 'none' } | { kind: 'trusted' } | { kind: 'cors'; origin: string } | { kind: 'refused'; origin: string };

export function judgeOrigin(origin: string | undefined, allowOrigins: readonly string[], isTrusted: (origin: string) => boolean): OriginVerdict {
  if (origin === undefined) return { kind: 'none' };
  if (allowOrigins.includes(origin)) return { kind: 'cors', origin };
  if (isTrusted(origin)) return { kind: 'trusted' };
  return { kind: 'refused', origin };
}

export const ALLOWED_METHODS = 'GET, POST, OPTIONS';
export const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Last-Event-ID';

/** On every answer to an allowed origin, errors included, so its page can read why. */
export function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/**
 * The preflight's answer. Chromium's Private Network Access asks public pages' preflights to a
 * loopback server for an explicit opt-in; it is given only to an allowed origin.
 */
export function preflightHeaders(origin: string, requestHeaders: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {
    ...corsHeaders(origin),
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
  };
  if (requestHeaders['access-control-request-private-network'] === 'true') headers['access-control-allow-private-network'] = 'true';
  return headers;
}

/** `Authorization: Bearer <token>`; null when absent or another scheme. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer[ ]+([\x21-\x7e]{1,512})\s*$/i.exec(authorization ?? '');
  return match ? match[1]! : null;
}
