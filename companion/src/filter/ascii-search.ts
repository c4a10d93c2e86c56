/**
 * Case-insensitive search of an ASCII needle in raw bytes, without decoding them. ASCII letters
 * match either case, other bytes match exactly; a multi-byte UTF-8 character never matches an
 * ASCII byte, so this finds what a search in the decoded text would (for an ASCII needle; the
 * only difference: Unicode folding also lets `k` match the Kelvin sign and `s` the long s).
 *
 * How: the needle's rarest byte is found with Buffer#indexOf (memchr, at C speed), in both cases
 * when it is a letter, and each hit is checked around it. Typical text seldom holds that byte, so
 * most of the haystack is skipped at memory speed.
 */
export function asciiSearcher(needle: string): (haystack: Buffer) => boolean {
  const lower = Buffer.from(needle.toLowerCase(), 'latin1');
  const upper = Buffer.from(needle.toUpperCase(), 'latin1');
  const length = lower.length;
  const at = rarestIndex(lower);
  const anchorLower = lower[at]!;
  const anchorUpper = upper[at]!;
  const matchesAt = (haystack: Buffer, start: number) => {
    for (let i = 0; i < length; i++) {
      const byte = haystack[start + i];
      if (byte !== lower[i] && byte !== upper[i]) return false;
    }
    return true;
  };
  return (haystack) => {
    const last = haystack.length - length + at;
    if (last < at) return false;
    let nextLower = haystack.indexOf(anchorLower, at);
    let nextUpper = anchorUpper === anchorLower ? -1 : haystack.indexOf(anchorUpper, at);
    while (nextLower !== -1 || nextUpper !== -1) {
      let hit: number;
      if (nextUpper === -1 || (nextLower !== -1 && nextLower < nextUpper)) {
        hit = nextLower;
        nextLower = haystack.indexOf(anchorLower, hit + 1);
      } else {
        hit = nextUpper;
        nextUpper = haystack.indexOf(anchorUpper, hit + 1);
      }
      if (hit > last) return false;
      if (matchesAt(haystack, hit - at)) return true;
    }
    return false;
  };
}

/** Bytes of JSON and English text, most frequent first (lowercase); a byte not listed counts as rare. */
const COMMON = ' "etaoinsrhldcu:,01{}2mfpgwy.3bv45-6789k_xjqz';

function rarestIndex(lower: Buffer): number {
  let best = 0;
  let bestRank = -1;
  for (let i = 0; i < lower.length; i++) {
    const rank = COMMON.indexOf(String.fromCharCode(lower[i]!));
    const score = rank === -1 ? COMMON.length : rank;
    if (score > bestRank) {
      best = i;
      bestRank = score;
    }
  }
  return best;
}

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
