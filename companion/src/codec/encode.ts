import type { OutgoingData } from '@kafka-inspector/shared';

/**
 * Turns client-sent data into bytes to produce. Throws EncodeError for JSON that does not parse
 * or base64 that is not canonical, so a typo never lands in a topic as a silently different value.
 */
export function encodeData(data: OutgoingData): Buffer {
  const bytes = toBytes(data);
  // A value echoed from a tail carries its full size: a preview shorter than that is not the record.
  if (data.size !== undefined && data.size !== bytes.length) {
    throw new EncodeError(`value is ${bytes.length} bytes but its size says ${data.size}: send the whole value (or leave size out)`);
  }
  return bytes;
}

function toBytes(data: OutgoingData): Buffer {
  switch (data.encoding) {
    case 'text':
      return Buffer.from(data.text, 'utf8');
    case 'json':
      try {
        JSON.parse(data.text);
      } catch (error) {
        throw new EncodeError(`value is not valid JSON: ${(error as Error).message}`);
      }
      // The text itself is sent, not a re-serialisation: the user's spacing and key order survive.
      return Buffer.from(data.text, 'utf8');
    case 'binary':
      return decodeCanonicalBase64(data.base64);
  }
}

/**
 * Buffer.from(..., 'base64') skips characters it does not know and ignores stray bits, so distinct
 * strings decode to the same bytes. Re-encoding and comparing rejects all of that. Missing `=`
 * padding is accepted (RFC 4648 §3.2 lets specifications omit it and many tools do); everything
 * else must be exactly what Node would produce for the decoded bytes.
 */
function decodeCanonicalBase64(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  const canonical = bytes.toString('base64');
  if (base64 !== canonical && base64 !== canonical.replace(/=+$/, '')) {
    throw new EncodeError('value is not canonical base64 (wrong length, stray bits or misplaced padding)');
  }
  return bytes;
}

export class EncodeError extends Error {
  override name = 'EncodeError';
}
