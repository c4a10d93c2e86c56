import { type ClientMessage, ClientMessageSchema, RequestIdSchema, type WireError } from '@kafka-inspector/shared';

export type ParsedFrame = { ok: true; message: ClientMessage } | { ok: false; id: string | null; error: WireError };

/**
 * Parses and validates one inbound text frame. Never throws: anything malformed becomes a
 * BAD_FRAME error naming what was wrong, echoing the request id when one could be read.
 */
export function parseFrame(text: string): ParsedFrame {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, id: null, error: { code: 'BAD_FRAME', message: 'frame is not valid JSON' } };
  }
  // Echo the id only when it is a valid one: a reply must itself be a valid frame.
  const rawId = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
  const id = RequestIdSchema.safeParse(rawId).success ? (rawId as string) : null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, id, error: { code: 'BAD_FRAME', message: 'frame must be a JSON object' } };
  }
  const result = ClientMessageSchema.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  const issues = result.error.issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const type = (data as { type?: unknown }).type;
  const message = typeof type === 'string' && issues.some((i) => i.path === 'type') ? `unknown frame type "${type.slice(0, 64)}"` : `invalid ${typeof type === 'string' ? type.slice(0, 64) : 'frame'}: ${issues[0]?.path || '(root)'}: ${issues[0]?.message}`;
  return { ok: false, id, error: { code: 'BAD_FRAME', message, details: { issues } } };
}
