import type { TestCompanion } from './companion';

export const JSON_V2 = 'application/vnd.kafka.json.v2+json';
export const BINARY_V2 = 'application/vnd.kafka.binary.v2+json';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** One bridge request with the companion's bearer token (unless `headers.authorization` says otherwise). */
export async function bridge(companion: Pick<TestCompanion, 'url' | 'token'>, path: string, init: { method?: string; body?: unknown; type?: string; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { authorization: `Bearer ${companion.token}`, ...init.headers };
  if (init.type) headers['content-type'] = init.type;
  const body = init.body === undefined ? undefined : typeof init.body === 'string' || Buffer.isBuffer(init.body) ? (init.body as string) : JSON.stringify(init.body);
  const res = await fetch(`${companion.url}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the test looks at text.
  }
  return { status: res.status, headers: res.headers, text, json };
}
