import type { BodyText, NameValue, PageRequest } from './inspected-page';

/** The parts of a HAR 1.2 entry the panel reads (DevTools' getHAR and onRequestFinished give these). */
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; headers: NameValue[]; postData?: { mimeType?: string; text?: string } };
  response: { status: number; headers: NameValue[]; content?: { size?: number; mimeType?: string; text?: string; encoding?: string } };
}

/**
 * Bodies are kept up to this many characters: enough for any API's JSON, and a page that uploads
 * or downloads megabytes costs the panel nothing more than this per request.
 */
export const MAX_BODY_CHARS = 256 * 1024;

const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|graphql)\b)/i;

/** A body bounded and labelled; null when there is none. Base64 (DevTools' binary content) is never decoded. */
export function boundedBody(text: string | undefined, mimeType: string | undefined, encoding?: string, size?: number): BodyText | null {
  if (text === undefined || text === null) return null;
  const mime = (mimeType ?? '').split(';')[0]!.trim().toLowerCase();
  const binary = encoding === 'base64' || (mime !== '' && !TEXTUAL.test(mime));
  const fullSize = encoding === 'base64' ? Math.floor((text.length * 3) / 4) : (size !== undefined && size > text.length ? size : text.length);
  if (binary) return { text: '', mimeType: mime, size: fullSize, truncated: false, binary: true };
  const truncated = text.length > MAX_BODY_CHARS;
  return { text: truncated ? text.slice(0, MAX_BODY_CHARS) : text, mimeType: mime, size: fullSize, truncated, binary: false };
}

/** One HAR entry as a page request; `seq` is the order it was reported in (ids stay unique). */
export function requestFromHar(entry: HarEntry, seq: number): PageRequest {
  const startedAt = Date.parse(entry.startedDateTime);
  const content = entry.response.content;
  return {
    id: `r${seq}`,
    method: entry.request.method,
    url: entry.request.url,
    status: entry.response.status,
    startedAt: Number.isFinite(startedAt) ? startedAt : 0,
    durationMs: Number.isFinite(entry.time) && entry.time > 0 ? Math.round(entry.time) : 0,
    requestHeaders: entry.request.headers ?? [],
    responseHeaders: entry.response.headers ?? [],
    requestBody: boundedBody(entry.request.postData?.text, entry.request.postData?.mimeType),
    responseBody: boundedBody(content?.text, content?.mimeType, content?.encoding, content?.size),
  };
}
