import type { OutgoingData } from '@kafka-inspector/shared';

/**
 * Turns client-sent data into bytes to produce. Throws EncodeError for JSON that does not parse
 * or base64 that is not canonical, so a typo never lands in a topic as a silently different value.
 */
export function encodeData(data: OutgoingData): Buffer {
  throw new Error('not implemented');
}

export class EncodeError extends Error {
  override name = 'EncodeError';
}
