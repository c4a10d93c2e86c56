import type { NameValue, PageRequest } from './inspected-page';

/** What ties a request to events, and where it was found (shown beside it). */
export interface CorrelationId {
  value: string;
  source: string;
}

/** Per site: the topics to search and the extra places ids live. Remembered in preferences. */
export interface SiteSettings {
  topics: string[];
  headerNames: string[];
  jsonPaths: string[];
}

export const emptySiteSettings = (): SiteSettings => ({ topics: [], headerNames: [], jsonPaths: [] });

/** Header names read by default; `traceparent` and `x-b3-traceid` give trace ids, the others are taken whole. */
export const DEFAULT_ID_HEADERS = ['traceparent', 'x-b3-traceid', 'x-request-id', 'x-correlation-id'] as const;

/** Ids shorter than this would match half a topic; longer ones are not ids (and would bloat the filter). */
export const MIN_ID_LENGTH = 6;
export const MAX_ID_LENGTH = 128;
/** At most this many ids per request go into one filter (the filter's source is capped at 4000 characters). */
export const MAX_IDS = 8;

const HEX = /^[0-9a-f]+$/;
const allZero = (s: string) => /^0+$/.test(s);

/**
 * W3C Trace Context `traceparent`: `version-traceid-parentid-flags`, lowercase hex. Version ff is
 * invalid; version 00 has exactly four parts; a later version may append parts (the spec says read
 * the first four). All-zero trace or parent ids are invalid. Returns the trace id, or null.
 */
export function parseTraceparent(header: string): string | null {
  const parts = header.trim().split('-');
  if (parts.length < 4) return null;
  const [version, traceId, parentId, flags] = parts as [string, string, string, string];
  if (version.length !== 2 || !HEX.test(version) || version === 'ff') return null;
  if (version === '00' && parts.length !== 4) return null;
  if (traceId.length !== 32 || !HEX.test(traceId) || allZero(traceId)) return null;
  if (parentId.length !== 16 || !HEX.test(parentId) || allZero(parentId)) return null;
  if (flags.length !== 2 || !HEX.test(flags)) return null;
  return traceId;
}

/** B3's trace id: 16 or 32 hex characters, not all zero (lowercased: B3 allows either case in the wild). */
export function parseB3TraceId(header: string): string | null {
  const id = header.trim().toLowerCase();
  return (id.length === 16 || id.length === 32) && HEX.test(id) && !allZero(id) ? id : null;
}

/** A whole header or body value as an id: trimmed, printable, within the length bounds. */
export function plainId(raw: unknown): string | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return null;
  const id = raw.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (id.length < MIN_ID_LENGTH || id.length > MAX_ID_LENGTH || /[\u0000-\u001f\u007f]/.test(id)) return null;
  return id;
}

/** The id a header carries, by its (case-insensitive) name. */
export function idFromHeader(name: string, value: string): string | null {
  switch (name.toLowerCase()) {
    case 'traceparent':
      return parseTraceparent(value);
    case 'x-b3-traceid':
      return parseB3TraceId(value);
    default:
      return plainId(value);
  }
}

/**
 * A JSON path in the simple form people write: `$.order.id`, `order.id`, `items[0].sku`,
 * `$['request-id']`. Returns the segments, or null when it is not one.
 */
export function parseJsonPath(path: string): Array<string | number> | null {
  let rest = path.trim().replace(/^\$/, '');
  const segments: Array<string | number> = [];
  while (rest.length > 0) {
    let match: RegExpMatchArray | null;
    if ((match = rest.match(/^\.?([A-Za-z_$][\w$-]*)/))) segments.push(match[1]!);
    else if ((match = rest.match(/^\[(\d+)\]/))) segments.push(Number(match[1]));
    else if ((match = rest.match(/^\[(['"])(.*?)\1\]/))) segments.push(match[2]!);
    else return null;
    rest = rest.slice(match[0].length);
  }
  return segments.length ? segments : null;
}

export function readJsonPath(data: unknown, segments: Array<string | number>): unknown {
  let at = data;
  for (const segment of segments) {
    if (at === null || typeof at !== 'object') return undefined;
    if (typeof segment === 'number' ? !Array.isArray(at) : Array.isArray(at) || !Object.hasOwn(at, segment)) return undefined;
    at = (at as Record<string | number, unknown>)[segment];
  }
  return at;
}

function parseBody(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fromHeaders(headers: NameValue[], names: Set<string>, where: string, out: CorrelationId[]) {
  for (const { name, value } of headers) {
    const lower = name.toLowerCase();
    if (!names.has(lower)) continue;
    const id = idFromHeader(lower, value);
    if (id) out.push({ value: id, source: `${lower} (${where} header)` });
  }
}

/**
 * Every id of a request and its response: the default headers, the user's header names, and the
 * user's JSON paths in either body. Truncated or binary bodies are not parsed (their JSON paths
 * give nothing). Unique values, in the order found, at most MAX_IDS.
 */
export function extractIds(request: Pick<PageRequest, 'requestHeaders' | 'responseHeaders' | 'requestBody' | 'responseBody'>, settings: Pick<SiteSettings, 'headerNames' | 'jsonPaths'>): CorrelationId[] {
  const names = new Set([...DEFAULT_ID_HEADERS, ...settings.headerNames.map((n) => n.trim().toLowerCase()).filter(Boolean)]);
  const found: CorrelationId[] = [];
  fromHeaders(request.requestHeaders, names, 'request', found);
  fromHeaders(request.responseHeaders, names, 'response', found);
  const paths = settings.jsonPaths.map((p) => ({ path: p.trim(), segments: parseJsonPath(p) })).filter((p) => p.segments);
  for (const [where, body] of [['request', request.requestBody], ['response', request.responseBody]] as const) {
    if (!paths.length || !body || body.binary || body.truncated) continue;
    const data = parseBody(body.text);
    if (data === undefined) continue;
    for (const { path, segments } of paths) {
      const id = plainId(readJsonPath(data, segments!));
      if (id) found.push({ value: id, source: `${path} (${where} body)` });
    }
  }
  const seen = new Set<string>();
  return found.filter((id) => !seen.has(id.value) && seen.add(id.value)).slice(0, MAX_IDS);
}

/** The ids a record's headers carry, read as a request's would be (for record -> request). */
export function idsOfHeaders(headers: NameValue[], headerNames: string[]): string[] {
  const found: CorrelationId[] = [];
  fromHeaders(headers, new Set([...DEFAULT_ID_HEADERS, ...headerNames.map((n) => n.trim().toLowerCase())]), 'record', found);
  return [...new Set(found.map((id) => id.value))];
}
